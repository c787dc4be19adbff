/** The launcher: the club's allowed applications from config, started and tracked per session. */
package bg.digiclub.kiosk.launcher;
