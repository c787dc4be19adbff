/**
 * Stand-ins for {@code --demo} and the screenshots: an in-memory agent with demo cards and a
 * platform that ends and wipes nothing. Never wired outside demo mode.
 */
package bg.digiclub.kiosk.demo;
