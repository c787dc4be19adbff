/** The kiosk's real socket client against the agent's real link server, on a real Unix-domain socket. */
package bg.digiclub.systemtest.link;
