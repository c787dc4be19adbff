/**
 * The system under test, assembled from the real parts: a collector on a loopback port with its
 * real database ({@link bg.digiclub.systemtest.support.CollectorUnderTest}), club PCs with the
 * agent's real stores, link socket and upload ({@link bg.digiclub.systemtest.support.ClubPc}), the
 * kiosk's real socket client, a fault-injecting HTTP proxy between them
 * ({@link bg.digiclub.systemtest.support.FaultProxy}) that also keeps every request body for the
 * privacy scan, and the expected numbers worked out from the planned visits, independently of
 * the code under test ({@link bg.digiclub.systemtest.support.Expected}).
 */
package bg.digiclub.systemtest.support;
