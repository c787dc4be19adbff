/**
 * The mentor's live console (docs/live.md): each online PC's live connection
 * ({@code /api/v1/live}, a WebSocket), its state as the club page shows it, staff commands with
 * their delivery, answers and audit log, the call for help, the walk-up queue and the club's
 * opening hours. The database is the source of truth for all of it, so that several collector
 * instances over one PostgreSQL serve one fleet: a command stored by one instance is sent by the
 * instance that holds the PC's connection (told by LISTEN/NOTIFY, and by a sweep every few
 * seconds in case a notification was missed).
 *
 * <p>{@link bg.digiclub.collector.live.ClubConsole} is what the dashboard uses of it.
 */
package bg.digiclub.collector.live;
