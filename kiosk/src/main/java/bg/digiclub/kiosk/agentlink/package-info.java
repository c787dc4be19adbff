/** The kiosk's side of the link to the agent: the client interface and its socket implementation. */
package bg.digiclub.kiosk.agentlink;
