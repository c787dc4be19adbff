/**
 * The mentor's console (issue 13) end to end: the club page's forms and {@code room.json} over
 * real HTTP, the collector's live WebSocket, the agent's live client and club room, the kiosk's
 * real link client; between the PC and the collector the hostile
 * {@link bg.digiclub.systemtest.support.LiveProxy}, which cuts the line where it hurts and keeps
 * every frame for the privacy scan.
 */
package bg.digiclub.systemtest.live;
