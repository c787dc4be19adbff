/**
 * The running agent service: the monitoring round, its schedule, the single-instance lock,
 * the status file read by {@code agent status}, and native-library set-up.
 */
package bg.digiclub.agent.service;
