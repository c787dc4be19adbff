/**
 * Linux implementations: X11 idle time through a small JNA binding of libXss.
 */
package bg.digiclub.kiosk.platform.linux;
