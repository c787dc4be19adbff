/**
 * Stand-ins for {@code --demo} and the screenshots: an in-memory agent with demo cards that
 * resets nothing, and a launcher that starts nothing. Never wired outside demo mode.
 */
package bg.digiclub.kiosk.demo;
