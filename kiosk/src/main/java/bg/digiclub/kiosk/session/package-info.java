/**
 * A visitor's session: the monotonic countdown, warnings at 10, 5 and 1 minutes, idle
 * detection, heartbeats, and the end of session (close apps, privacy wipe, tell the agent).
 * Also the small always-on-top session bar and the warning overlay.
 */
package bg.digiclub.kiosk.session;
