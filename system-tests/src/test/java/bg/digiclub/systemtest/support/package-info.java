/**
 * The system under test, assembled from the real parts: a collector on a loopback port with its
 * real database ({@link bg.digiclub.systemtest.support.CollectorUnderTest}), club PCs with the
 * agent's real stores, link socket and upload ({@link bg.digiclub.systemtest.support.ClubPc}), the
 * kiosk's real socket client, a fault-injecting HTTP proxy between them
 * ({@link bg.digiclub.systemtest.support.FaultProxy}) that also keeps every request body for the
 * privacy scan, its twin for the live channel's WebSocket
 * ({@link bg.digiclub.systemtest.support.LiveProxy}: cuts after a command, swallowed answers, a PC
 * off the network, every frame kept), the live console's PCs and club page
 * ({@link bg.digiclub.systemtest.support.LiveClub}, {@link bg.digiclub.systemtest.support.LivePc},
 * {@link bg.digiclub.systemtest.support.ClubRoomPage}), and the expected numbers worked out from the planned visits, independently of
 * the code under test ({@link bg.digiclub.systemtest.support.Expected}).
 */
package bg.digiclub.systemtest.support;
