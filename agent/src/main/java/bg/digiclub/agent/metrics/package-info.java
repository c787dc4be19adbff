/**
 * The PC's figures for the municipality's monitoring, where its IT already looks: each health round
 * the agent writes {@code digiclub_agent.prom} for node_exporter's textfile collector
 * ({@link TextfileRound}, {@link AgentTextfile}) — check statuses as Nagios numbers
 * ({@link StatusCode}), a few key values, nothing that names the PC or a person, and no HTTP server
 * of its own. Keys {@code metrics.*} ({@link MetricsSettings}); docs/operations.md.
 */
package bg.digiclub.agent.metrics;
