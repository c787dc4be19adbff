/** The agent's SQLite database: opening, migrations, and the stores built on it. */
package bg.digiclub.agent.store;
