/**
 * The running agent service: the monitoring round, its schedule, the single-instance lock,
 * the status file read by {@code agent status}, native-library set-up, and keeping the agent's
 * files private to its account ({@link bg.digiclub.agent.service.FileSecurity}).
 */
package bg.digiclub.agent.service;
