/**
 * The kiosk's side of the link to the agent: the {@link bg.digiclub.kiosk.agentlink.AgentClient}
 * interface the UI codes against, and {@link bg.digiclub.kiosk.agentlink.SocketAgentClient}, its
 * implementation over the agent's Unix-domain socket with a crash-safe spool of session events.
 */
package bg.digiclub.kiosk.agentlink;
