/**
 * Linux implementations: X11 idle time through a small JNA binding of libXss, clipboard clearing
 * through {@code xsel}.
 */
package bg.digiclub.kiosk.platform.linux;
