/**
 * JDK-only persistence support shared by the agent (SQLite) and the collector (SQLite or PostgreSQL): one
 * vocabulary ({@link bg.digiclub.support.sql.Database#write} = a transaction on the single writer,
 * {@link bg.digiclub.support.sql.Database#read} = a consistent read snapshot), one {@link
 * bg.digiclub.support.sql.SqlWork}, one migration runner with checksums, one SQL script splitter and one row
 * helper for nullable columns.
 */
package bg.digiclub.support.sql;
