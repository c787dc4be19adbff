package bg.digiclub.collector.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.auth.Role;
import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.common.live.ClubSettings;
import bg.digiclub.common.live.CommandKind;

class LiveConsoleTest {
    static final User RODINA_STAFF = new User("rodina", Role.CLUB_STAFF, RunningCollector.RODINA.id());
    static final User MUNICIPALITY = new User("obshtina", Role.MUNICIPALITY, null);
    static final String RODINA = RunningCollector.RODINA.id();
    static final String ZAGORE = RunningCollector.ZAGORE.id();

    @TempDir
    Path temp;

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aCommandForAllPcsIsOnePendingCommandPerPcWithItsKindsLifetimeAndAnAuditEntry(String kind) throws Exception {
        try (RunningCollector collector = new RunningCollector(kind, temp)) {
            UUID pc1 = collector.enrol(RunningCollector.RODINA_CODE).deviceId();
            UUID pc2 = collector.enrol(RunningCollector.RODINA_CODE).deviceId();
            collector.enrol(RunningCollector.ZAGORE_CODE);
            ClubConsole console = collector.server.live().console();

            List<CommandView> issued = console.issue(
                    RODINA_STAFF,
                    RODINA,
                    null,
                    new CommandRequest(CommandKind.MESSAGE, null, "Затваряме в 18:00", null, null));

            assertEquals(2, issued.size());
            assertEquals(
                    List.of(pc1, pc2),
                    issued.stream().map(CommandView::deviceId).toList());
            assertEquals(
                    List.of(1, 2), issued.stream().map(CommandView::pcNumber).toList());
            for (CommandView view : issued) {
                assertEquals(CommandState.PENDING, view.state());
                assertEquals("rodina", view.issuedBy());
                assertEquals(collector.clock.instant(), view.issuedAt());
                assertEquals(view.issuedAt().plus(Duration.ofMinutes(10)), view.expiresAt());
                assertNull(view.answeredAt());
            }
            assertEquals(2, console.commands(MUNICIPALITY, RODINA, 10).size());
            assertEquals(0, console.commands(MUNICIPALITY, ZAGORE, 10).size());
            List<AuditEntry> audit = console.audit(RODINA_STAFF, RODINA, 10);
            assertEquals(2, audit.size());
            assertEquals("MESSAGE: Затваряме в 18:00", audit.get(0).action());
            assertEquals(2, audit.get(0).pcNumber(), "newest first");
            assertNull(audit.get(0).result(), "no answer yet");

            List<CommandView> lock = console.issue(
                    MUNICIPALITY, RODINA, pc2, new CommandRequest(CommandKind.LOCK, null, null, null, null));
            assertEquals(1, lock.size());
            assertEquals(
                    lock.get(0).issuedAt().plus(Duration.ofHours(24)),
                    lock.get(0).expiresAt());
            assertEquals(
                    "obshtina", console.audit(RODINA_STAFF, RODINA, 1).get(0).who());
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void staffActOnlyForTheirClubAndBadRequestsStoreNothing(String kind) throws Exception {
        try (RunningCollector collector = new RunningCollector(kind, temp)) {
            UUID rodinaPc = collector.enrol(RunningCollector.RODINA_CODE).deviceId();
            UUID zagorePc = collector.enrol(RunningCollector.ZAGORE_CODE).deviceId();
            ClubConsole console = collector.server.live().console();
            CommandRequest restart = new CommandRequest(CommandKind.RESTART, null, null, null, null);

            assertThrows(IllegalArgumentException.class, () -> console.issue(RODINA_STAFF, ZAGORE, zagorePc, restart));
            assertThrows(IllegalArgumentException.class, () -> console.room(RODINA_STAFF, ZAGORE));
            assertThrows(IllegalArgumentException.class, () -> console.issue(MUNICIPALITY, RODINA, zagorePc, restart));
            assertThrows(
                    IllegalArgumentException.class, () -> console.issue(MUNICIPALITY, "no-such-club", null, restart));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> console.issue(
                            RODINA_STAFF,
                            RODINA,
                            rodinaPc,
                            new CommandRequest(CommandKind.MESSAGE, null, null, null, null)));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> console.issue(
                            RODINA_STAFF,
                            RODINA,
                            rodinaPc,
                            new CommandRequest(CommandKind.EXTEND, 15, null, null, null)),
                    "an extension names its session");
            assertEquals(0L, collector.count("SELECT COUNT(*) FROM live_commands"));
            assertEquals(0L, collector.count("SELECT COUNT(*) FROM live_audit"));

            // "all PCs" extends each running session; none runs, so nothing is stored
            assertEquals(
                    List.of(),
                    console.issue(
                            RODINA_STAFF, RODINA, null, new CommandRequest(CommandKind.EXTEND, 15, null, null, null)));
            Instant started = Instant.parse("2026-11-25T05:30:00Z");
            assertEquals(
                    started,
                    collector
                            .server
                            .live()
                            .console()
                            .issue(
                                    RODINA_STAFF,
                                    RODINA,
                                    rodinaPc,
                                    new CommandRequest(CommandKind.EXTEND, 15, null, started, null))
                            .get(0)
                            .issuedAt()
                            .minus(Duration.ofMinutes(30)));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void theQueueNumbersFromOneEachClubDayAndOnlyWhenTheClubUsesIt(String kind) throws Exception {
        try (RunningCollector collector = new RunningCollector(kind, temp)) {
            ClubConsole console = collector.server.live().console();
            assertThrows(IllegalArgumentException.class, () -> console.enqueue(RODINA_STAFF, RODINA));
            ClubSettings on = new ClubSettings(99, List.of(), 15, null, true, 5, 15);

            ClubSettings stored = console.changeSettings(RODINA_STAFF, RODINA, on);

            assertEquals(1, stored.version(), "the store raises the version; the given one is ignored");
            assertEquals(stored, console.settings(MUNICIPALITY, RODINA));
            assertEquals(ClubSettings.DEFAULTS, console.settings(MUNICIPALITY, ZAGORE));
            assertEquals(1, console.enqueue(RODINA_STAFF, RODINA));
            assertEquals(2, console.enqueue(RODINA_STAFF, RODINA));
            assertEquals(3, console.enqueue(RODINA_STAFF, RODINA));
            console.dequeue(RODINA_STAFF, RODINA, 2);
            assertThrows(IllegalArgumentException.class, () -> console.dequeue(RODINA_STAFF, RODINA, 2));
            QueueView queue = console.queue(RODINA_STAFF, RODINA);
            assertTrue(queue.enabled());
            assertEquals(List.of(1, 3), queue.waiting());
            assertEquals(List.of(), queue.held(), "no PC is online to hold");
            assertEquals(
                    List.of("QUEUE_REMOVE №2", "QUEUE_ADD №3", "QUEUE_ADD №2", "QUEUE_ADD №1", "SETTINGS v1"),
                    console.audit(RODINA_STAFF, RODINA, 10).stream()
                            .map(AuditEntry::action)
                            .toList());

            collector.clock.advance(Duration.ofDays(1));
            assertEquals(List.of(), console.queue(RODINA_STAFF, RODINA).waiting(), "a new club day");
            assertEquals(1, console.enqueue(RODINA_STAFF, RODINA));
            assertFalse(console.queue(MUNICIPALITY, ZAGORE).enabled());
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void theRoomHasATilePerEnrolledPcOffUntilItConnects(String kind) throws Exception {
        try (RunningCollector collector = new RunningCollector(kind, temp)) {
            UUID pc1 = collector.enrol(RunningCollector.RODINA_CODE).deviceId();
            UUID pc2 = collector.enrol(RunningCollector.RODINA_CODE).deviceId();
            collector.server.live().console();

            List<PcTile> room = collector.server.live().console().room(RODINA_STAFF, RODINA);

            assertEquals(List.of(pc1, pc2), room.stream().map(PcTile::deviceId).toList());
            assertEquals(List.of(1, 2), room.stream().map(PcTile::pcNumber).toList());
            assertFalse(room.get(0).online());
            assertNull(room.get(0).mode());
            assertEquals(List.of(), collector.server.live().console().room(MUNICIPALITY, ZAGORE));
        }
    }
}
