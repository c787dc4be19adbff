/**
 * What the agent asks the kiosk to show over everything, on every screen: a staff message until
 * "OK", the closing warning, "reserved for №7", the PC locked or the club closed, the call for the
 * mentor and its answer, the grace offer near a session's end. {@link
 * bg.digiclub.kiosk.notices.NoticesViewModel} asks the agent every 2 s (plain Java, tested without
 * a screen); {@link bg.digiclub.kiosk.notices.NoticeView} draws the one overlay due.
 */
package bg.digiclub.kiosk.notices;
