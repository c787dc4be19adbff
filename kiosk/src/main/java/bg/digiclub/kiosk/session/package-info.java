/**
 * A visitor's session as the kiosk shows it: the monotonic countdown (following the time left
 * the agent answers), warnings at 10, 5 and 1 minutes, idle detection, heartbeats with the
 * session's secret, and the end of session (the agent ends the visitor's programs and resets the
 * home; a failed reset shows the PC out of order). Also the small always-on-top session bar and
 * the warning overlay.
 */
package bg.digiclub.kiosk.session;
