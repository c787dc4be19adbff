/**
 * Platform concerns of the kiosk behind one interface each (idle time, ending session
 * processes, clipboard); {@code linux}/{@code windows} implementations chosen in one factory.
 */
package bg.digiclub.kiosk.platform;
