/** The agent's command line (picocli): run, status, history, alerts. */
package bg.digiclub.agent.cli;
