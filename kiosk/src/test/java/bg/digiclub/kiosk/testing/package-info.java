/** Hand-written fakes for the edges a kiosk test cannot reach: the agent process, the OS, the clock. */
package bg.digiclub.kiosk.testing;
