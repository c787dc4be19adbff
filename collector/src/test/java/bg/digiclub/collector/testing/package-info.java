/** Test helpers: real databases (SQLite in a temporary directory, PostgreSQL), a settable clock, an HTTP client. */
package bg.digiclub.collector.testing;
