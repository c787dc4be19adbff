/**
 * The agent's command line (picocli): {@code AgentMain}, the jar's entry point, and its commands (run, status,
 * history, alerts, staff-pin, unlock-pc, enrol, upload). The commands call the wiring in {@code bg.digiclub.agent}
 * ({@code AgentRuntime}); nothing there calls back, and only this package writes to the console.
 */
package bg.digiclub.agent.cli;
