package bg.digiclub.agent.room;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import bg.digiclub.agent.session.SessionAuthority;
import bg.digiclub.agent.session.SessionLedger;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.store.RaisedChecks;
import bg.digiclub.agent.visitor.RecordingVisitor;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.live.ClubSettings;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.common.live.OpeningHours;
import bg.digiclub.testsupport.TestClock;

/**
 * One club PC for the room's tests: a real database file, the real session authority over a
 * recording visitor account, a fake power switch, and the test's clock (Wednesday 09:00 in Sofia).
 * {@link #restart()} is the agent restarting on the same database.
 */
final class RoomFixture implements AutoCloseable {
    static final Demographics VISITOR = new Demographics(AgeBand.AGE_55_64, Sex.MALE);
    static final Duration HOUR = Duration.ofMinutes(60);
    static final Duration HEARTBEAT = Duration.ofSeconds(30);

    final Path dir;
    final TestClock clock = TestClock.clubMorning();
    final RecordingVisitor visitor = new RecordingVisitor();
    final FakePower power = new FakePower();
    final AtomicReference<HealthReport> health = new AtomicReference<>();
    final AtomicInteger told = new AtomicInteger();
    Database db;
    SessionLedger ledger;
    SessionAuthority sessions;
    ClubRoom room;

    RoomFixture(Path dir) throws Exception {
        this.dir = dir;
        open();
    }

    private void open() throws Exception {
        db = Database.open(dir.resolve(Database.FILE_NAME));
        ledger = new SessionLedger(db);
        AlertStore alerts = new AlertStore(db, clock);
        sessions = new SessionAuthority(
                ledger,
                visitor,
                new RaisedChecks(alerts, Set.of(SessionAuthority.RESET_CHECK), clock),
                clock,
                HEARTBEAT,
                new SecureRandom());
        room = ClubRoom.open(sessions, db, power, health::get, "1.2.3", clock);
        room.onChange(told::incrementAndGet);
    }

    /** The agent stops and starts again on the same database, a little later. */
    void restart() throws Exception {
        db.close();
        clock.advance(Duration.ofSeconds(10));
        open();
    }

    SessionAuthority.Granted guest() throws Exception {
        return guest(HOUR);
    }

    SessionAuthority.Granted guest(Duration allowed) throws Exception {
        return sessions.start(VisitorKind.GUEST, null, VISITOR, allowed, null);
    }

    /** Moves the clock, keeping the kiosk's heartbeat going for {@code g}, as the kiosk would. */
    void pass(Duration by, SessionAuthority.Granted g) throws Exception {
        Duration step = Duration.ofSeconds(20);
        for (Duration done = Duration.ZERO; done.compareTo(by) < 0; done = done.plus(step)) {
            Duration d = by.minus(done).compareTo(step) < 0 ? by.minus(done) : step;
            clock.advance(d);
            if (sessions.sessionOpen()) {
                try {
                    sessions.heartbeat(g.sessionId(), g.secret());
                } catch (Exception ended) {
                    // the session ran out: the kiosk's heartbeats stop being answered
                }
            }
            sessions.sweep();
            room.tick();
        }
    }

    /** Moves the clock with the room's ticks and the watchdog's sweeps, no kiosk running. */
    void pass(Duration by) throws Exception {
        Duration step = Duration.ofSeconds(20);
        for (Duration done = Duration.ZERO; done.compareTo(by) < 0; done = done.plus(step)) {
            clock.advance(by.minus(done).compareTo(step) < 0 ? by.minus(done) : step);
            sessions.sweep();
            room.tick();
        }
    }

    Command command(CommandKind kind) {
        return command(kind, null, null, null);
    }

    Command command(CommandKind kind, Integer minutes, String text, Instant sessionStarted) {
        Instant now = clock.instant();
        return new Command(
                UUID.randomUUID(),
                kind,
                now,
                now.plus(Duration.ofMinutes(10)),
                minutes,
                text,
                sessionStarted,
                kind == CommandKind.WAKE ? UUID.randomUUID() : null);
    }

    /** The club's settings from the collector, as a Room without a queue. */
    static ClubSettings settings(
            long version, List<OpeningHours> week, Integer shutdownAfter, boolean queue, int grace) {
        return new ClubSettings(version, week, shutdownAfter, null, queue, 5, grace);
    }

    /** Open every Wednesday 09:00-20:00 (the fixture's day). */
    static List<OpeningHours> wednesdayNineToEight() {
        return List.of(new OpeningHours(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(20, 0)));
    }

    @Override
    public void close() {
        db.close();
    }
}
