/**
 * The PC in its club room: what staff do from the club page (commands), what the club tells the
 * PC (opening hours, the walk-up queue, grace), the visitor's call for help and staff messages,
 * and the PC's state as the mentor's room view shows it. Runs commands with the same rules as the
 * staff panel, through {@code session.SessionAuthority}. The live channel ({@code agent.live})
 * carries it to and from the collector; the link ({@code agent.link}) to and from the kiosk.
 */
package bg.digiclub.agent.room;
