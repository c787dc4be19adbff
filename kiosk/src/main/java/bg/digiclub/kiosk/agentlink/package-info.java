/**
 * The kiosk's side of the link to the agent: the {@link bg.digiclub.kiosk.agentlink.AgentClient}
 * interface the UI codes against, and {@link bg.digiclub.kiosk.agentlink.SocketAgentClient}, its
 * implementation over the agent's Unix-domain socket, which holds the running session's secret
 * and the staff token in memory only.
 */
package bg.digiclub.kiosk.agentlink;
