/** The agent's configuration: one typed record, read and validated once at start-up. */
package bg.digiclub.agent.config;
