package bg.digiclub.collector.live;

import static bg.digiclub.testsupport.Patience.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.testing.LivePc;
import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.common.batch.EnrolmentResponse;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.live.CardsChanged;
import bg.digiclub.common.live.ClubSettings;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.common.live.CommandOutcome;
import bg.digiclub.common.live.LiveMessage;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.common.live.PcState;
import bg.digiclub.common.live.Room;
import bg.digiclub.testsupport.PrivacyScan;

/** The live channel over a real WebSocket, a JDK client as the PC, on SQLite and PostgreSQL. */
class LiveChannelTest {
    static final String RODINA = RunningCollector.RODINA.id();

    @TempDir
    Path temp;

    static PcState free(Instant at) {
        return new PcState(at, PcMode.FREE, null, null, null, HealthStatus.OK, false, null, null, "0.1.0");
    }

    static PcState inSession(Instant at, Instant started, boolean help, Integer served) {
        return new PcState(
                at, PcMode.IN_SESSION, VisitorKind.GUEST, 42, started, HealthStatus.OK, help, null, served, "0.1.0");
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aPcWithoutAValidTokenIsRefusedBeforeTheUpgrade(String kind) throws Exception {
        try (RunningCollector collector = new RunningCollector(kind, temp)) {
            assertEquals(401, LivePc.refusal(collector.server.port(), null));
            assertEquals(401, LivePc.refusal(collector.server.port(), "not-a-token"));
            EnrolmentResponse pc = collector.enrol(RunningCollector.RODINA_CODE);
            assertEquals(0, LivePc.refusal(collector.server.port(), pc.token()));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aCommandIssuedWhileThePcWasOffArrivesOnConnectAndItsAnswerIsShown(String kind) throws Exception {
        try (RunningCollector collector = new RunningCollector(kind, temp)) {
            EnrolmentResponse enrolled = collector.enrol(RunningCollector.RODINA_CODE);
            ClubConsole console = collector.server.live().console();
            CommandView issued = console.issue(
                            LiveConsoleTest.RODINA_STAFF,
                            RODINA,
                            enrolled.deviceId(),
                            new CommandRequest(CommandKind.MESSAGE, null, "Здравей", null, null))
                    .get(0);

            try (LivePc pc = LivePc.connect(collector.server.port(), enrolled.token())) {
                await("the Room and the command").until(() -> pc.received().size() >= 2);
                assertEquals(Room.class, pc.received().get(0).getClass(), "the Room comes first");
                Command command = pc.received(Command.class).get(0);
                assertEquals(issued.id(), command.id());
                assertEquals("Здравей", command.text());
                assertEquals(issued.expiresAt(), command.expiresAt());
                assertEquals(
                        CommandState.SENT,
                        console.commands(LiveConsoleTest.RODINA_STAFF, RODINA, 1)
                                .get(0)
                                .state());

                pc.send(new CommandAck(command.id(), CommandOutcome.DONE, "shown"));

                await("the answer")
                        .until(() -> console.commands(LiveConsoleTest.RODINA_STAFF, RODINA, 1)
                                        .get(0)
                                        .state()
                                == CommandState.DONE);
                CommandView answered = console.commands(LiveConsoleTest.RODINA_STAFF, RODINA, 1)
                        .get(0);
                assertEquals("shown", answered.detail());
                assertNotNull(answered.answeredAt());
                assertEquals(
                        "DONE: shown",
                        console.audit(LiveConsoleTest.RODINA_STAFF, RODINA, 1)
                                .get(0)
                                .result());

                // an answer again (the PC did not hear the collector got it) changes nothing
                pc.send(new CommandAck(command.id(), CommandOutcome.FAILED, "again"));
                pc.send(free(collector.clock.instant()));
                await("the state after the repeat")
                        .until(() -> console.room(LiveConsoleTest.RODINA_STAFF, RODINA)
                                        .get(0)
                                        .mode()
                                == PcMode.FREE);
                assertEquals(
                        "shown",
                        console.commands(LiveConsoleTest.RODINA_STAFF, RODINA, 1)
                                .get(0)
                                .detail());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void anUnansweredCommandIsSentAgainOnThePcsNextConnectionWhichReplacesTheOld(String kind) throws Exception {
        try (RunningCollector collector = new RunningCollector(kind, temp)) {
            EnrolmentResponse enrolled = collector.enrol(RunningCollector.RODINA_CODE);
            ClubConsole console = collector.server.live().console();
            try (LivePc first = LivePc.connect(collector.server.port(), enrolled.token())) {
                await("the Room").until(() -> first.received(Room.class).size() == 1);
                UUID id = console.issue(
                                LiveConsoleTest.RODINA_STAFF,
                                RODINA,
                                enrolled.deviceId(),
                                new CommandRequest(CommandKind.LOCK, null, null, null, null))
                        .get(0)
                        .id();
                await("the command").until(() -> first.received(Command.class).size() == 1);
                // more sweeps and signals do not send it again on this connection (not within half a minute)
                console.issue(
                        LiveConsoleTest.RODINA_STAFF,
                        RODINA,
                        enrolled.deviceId(),
                        new CommandRequest(CommandKind.UNLOCK, null, null, null, null));
                await("the second command")
                        .until(() -> first.received(Command.class).size() == 2);
                assertEquals(
                        List.of(CommandKind.LOCK, CommandKind.UNLOCK),
                        first.received(Command.class).stream()
                                .map(Command::kind)
                                .toList());

                try (LivePc second = LivePc.connect(collector.server.port(), enrolled.token())) {
                    await("the old connection closed").until(() -> first.closedWith() != null);
                    assertTrue(first.closedWith().startsWith("4000 "), first.closedWith());
                    await("both again")
                            .until(() -> second.received(Command.class).size() == 2);
                    assertEquals(id, second.received(Command.class).get(0).id());
                    second.send(new CommandAck(id, CommandOutcome.DONE, "locked"));
                    await("the answer")
                            .until(() -> console.commands(LiveConsoleTest.RODINA_STAFF, RODINA, 2).stream()
                                    .anyMatch(v -> v.state() == CommandState.DONE));
                }
                try (LivePc third = LivePc.connect(collector.server.port(), enrolled.token())) {
                    await("the unanswered one only")
                            .until(() -> third.received(Command.class).size() == 1);
                    assertEquals(
                            CommandKind.UNLOCK,
                            third.received(Command.class).get(0).kind());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void anAnswerLostOnTheWayInIsAskedForAgainOnTheSameConnectionHalfAMinuteLater(String kind) throws Exception {
        try (RunningCollector collector = new RunningCollector(kind, temp)) {
            EnrolmentResponse enrolled = collector.enrol(RunningCollector.RODINA_CODE);
            ClubConsole console = collector.server.live().console();
            try (LivePc pc = LivePc.connect(collector.server.port(), enrolled.token())) {
                await("the Room").until(() -> pc.received(Room.class).size() == 1);
                UUID id = console.issue(
                                LiveConsoleTest.RODINA_STAFF,
                                RODINA,
                                enrolled.deviceId(),
                                new CommandRequest(CommandKind.LOCK, null, null, null, null))
                        .get(0)
                        .id();
                await("the command").until(() -> pc.received(Command.class).size() == 1);
                // the PC's answer never arrived (a write that failed, a frame lost): the connection stays
                collector.clock.advance(PcConnection.RESEND_AFTER);
                await("the same command again, on the same connection")
                        .until(() -> pc.received(Command.class).size() == 2);
                assertEquals(id, pc.received(Command.class).get(1).id());
                pc.send(new CommandAck(id, CommandOutcome.DONE, "locked"));
                await("the answer")
                        .until(() -> console.commands(LiveConsoleTest.RODINA_STAFF, RODINA, 1)
                                        .get(0)
                                        .state()
                                == CommandState.DONE);
                // answered: never again, however long the connection lasts
                collector.clock.advance(PcConnection.RESEND_AFTER.multipliedBy(2));
                console.issue(
                        LiveConsoleTest.RODINA_STAFF,
                        RODINA,
                        enrolled.deviceId(),
                        new CommandRequest(CommandKind.UNLOCK, null, null, null, null));
                await("the next command").until(() -> pc.received(Command.class).size() == 3);
                assertEquals(
                        List.of(CommandKind.LOCK, CommandKind.LOCK, CommandKind.UNLOCK),
                        pc.received(Command.class).stream().map(Command::kind).toList());
                assertFalse(pc.closedWith() != null, "the connection stayed up");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aCommandThatExpiredWhileThePcWasOffIsNeverSent(String kind) throws Exception {
        try (RunningCollector collector = new RunningCollector(kind, temp)) {
            EnrolmentResponse enrolled = collector.enrol(RunningCollector.RODINA_CODE);
            ClubConsole console = collector.server.live().console();
            console.issue(
                    LiveConsoleTest.RODINA_STAFF,
                    RODINA,
                    enrolled.deviceId(),
                    new CommandRequest(CommandKind.MESSAGE, null, "Затваряме", null, null));
            console.issue(
                    LiveConsoleTest.RODINA_STAFF,
                    RODINA,
                    enrolled.deviceId(),
                    new CommandRequest(CommandKind.LOCK, null, null, null, null));
            collector.clock.advance(Duration.ofHours(1));
            await("the message expired")
                    .until(() -> console.commands(LiveConsoleTest.RODINA_STAFF, RODINA, 2).stream()
                            .anyMatch(v -> v.state() == CommandState.EXPIRED));

            try (LivePc pc = LivePc.connect(collector.server.port(), enrolled.token())) {
                await("the lock").until(() -> pc.received(Command.class).size() == 1);
                assertEquals(CommandKind.LOCK, pc.received(Command.class).get(0).kind(), "a lock lasts a day");
                pc.send(free(collector.clock.instant()));
                await("the state")
                        .until(() -> console.room(LiveConsoleTest.RODINA_STAFF, RODINA)
                                .get(0)
                                .online());
                assertEquals(1, pc.received(Command.class).size(), "the message never came");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void theTileShowsTheStateAndTheCallForHelpUntilStaffAnswerIt(String kind) throws Exception {
        try (RunningCollector collector = new RunningCollector(kind, temp)) {
            EnrolmentResponse enrolled = collector.enrol(RunningCollector.RODINA_CODE);
            ClubConsole console = collector.server.live().console();
            Instant started = collector.clock.instant().minusSeconds(600);
            try (LivePc pc = LivePc.connect(collector.server.port(), enrolled.token())) {
                pc.send(inSession(collector.clock.instant(), started, true, null));
                await("the tile")
                        .until(() -> console.room(LiveConsoleTest.RODINA_STAFF, RODINA)
                                        .get(0)
                                        .helpCalledAt()
                                != null);
                PcTile tile = console.room(LiveConsoleTest.RODINA_STAFF, RODINA).get(0);
                assertTrue(tile.online());
                assertEquals(PcMode.IN_SESSION, tile.mode());
                assertEquals(VisitorKind.GUEST, tile.visitor());
                assertEquals(42, tile.minutesLeft());
                assertEquals(started, tile.sessionStarted());
                assertEquals(HealthStatus.OK, tile.health());
                assertEquals(collector.clock.instant(), tile.helpCalledAt());

                UUID answer = console.issue(
                                LiveConsoleTest.RODINA_STAFF,
                                RODINA,
                                enrolled.deviceId(),
                                new CommandRequest(CommandKind.ANSWER_HELP, null, null, null, null))
                        .get(0)
                        .id();
                await("the answer command")
                        .until(() -> pc.received(Command.class).size() == 1);
                pc.send(new CommandAck(answer, CommandOutcome.DONE, "seen"));
                await("help answered")
                        .until(() -> console.room(LiveConsoleTest.RODINA_STAFF, RODINA)
                                        .get(0)
                                        .helpCalledAt()
                                == null);
            }
            await("off once the connection ended")
                    .until(() -> !console.room(LiveConsoleTest.RODINA_STAFF, RODINA)
                            .get(0)
                            .online());
            assertEquals(
                    PcMode.IN_SESSION,
                    console.room(LiveConsoleTest.RODINA_STAFF, RODINA).get(0).mode(),
                    "as last said");
        }
    }

    /**
     * The signal that a PC connected reaches every instance, the one that opened the connection too,
     * and may reach it after the PC has connected there once more (CI saw a PC's newest connection
     * closed as "replaced" by the signal of the one before). Here that late signal is sent by hand.
     */
    @Test
    void anInstanceDoesNotCloseAPcsNewestConnectionForTheLateSignalOfAnOlderOneItOpenedItself() throws Exception {
        try (RunningCollector collector = new RunningCollector("postgresql", temp)) {
            EnrolmentResponse enrolled = collector.enrol(RunningCollector.RODINA_CODE);
            ClubConsole console = collector.server.live().console();
            try (LivePc first = LivePc.connect(collector.server.port(), enrolled.token())) {
                await("the Room").until(() -> first.received(Room.class).size() == 1);
                // the connection is written behind the Room (StateWriter): wait until the row names it
                await("the first connection written")
                        .until(() -> writtenConnection(collector, enrolled.deviceId())
                                .isPresent());
                String[] older =
                        writtenConnection(collector, enrolled.deviceId()).orElseThrow();
                try (LivePc second = LivePc.connect(collector.server.port(), enrolled.token())) {
                    await("the Room of the second")
                            .until(() -> second.received(Room.class).size() == 1);
                    await("the first replaced").until(() -> first.closedWith() != null);
                    assertTrue(first.closedWith().startsWith("4000 "), first.closedWith());
                    String late = new LiveSignal.Connected(enrolled.deviceId(), UUID.fromString(older[0]), older[1])
                            .payload();
                    collector.database.write(c -> {
                        try (var notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                            notify.setString(1, LiveBus.channelOf(collector.database));
                            notify.setString(2, late);
                            notify.execute();
                        }
                        return null;
                    });
                    // a signal after it, in order on the same channel: once its Room arrives, the late one was handled
                    console.changeSettings(
                            LiveConsoleTest.RODINA_STAFF,
                            RODINA,
                            new ClubSettings(0, List.of(), null, null, true, 5, 15));
                    await("the Room after the late signal")
                            .until(() -> second.received(Room.class).size() == 2 || second.closedWith() != null);
                    assertNull(second.closedWith(), "the newest connection stays open");
                }
            }
        }
    }

    /** The PC's connection and instance as live_states holds them, once written. */
    private static Optional<String[]> writtenConnection(RunningCollector collector, UUID deviceId) throws SQLException {
        return collector.database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT connection_id, instance_id FROM live_states"
                    + " WHERE device_id = ? AND connection_id IS NOT NULL")) {
                query.setString(1, deviceId.toString());
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aFrameThatCannotBeReadClosesTheConnectionWith1003AndOneTooLargeWith1009(String kind) throws Exception {
        try (RunningCollector collector = new RunningCollector(kind, temp)) {
            EnrolmentResponse enrolled = collector.enrol(RunningCollector.RODINA_CODE);
            try (LivePc pc = LivePc.connect(collector.server.port(), enrolled.token())) {
                pc.sendText("{\"type\":\"state\",\"surprise\":1}");
                await("closed").until(() -> pc.closedWith() != null);
                assertTrue(pc.closedWith().startsWith("1003 unreadable frame"), pc.closedWith());
            }
            try (LivePc pc = LivePc.connect(collector.server.port(), enrolled.token())) {
                pc.send(new CardsChanged(3));
                await("closed").until(() -> pc.closedWith() != null);
                assertTrue(pc.closedWith().startsWith("1003 a PC sends only"), pc.closedWith());
            }
            try (LivePc pc = LivePc.connect(collector.server.port(), enrolled.token())) {
                pc.sendText(
                        "{\"type\":\"state\",\"agentVersion\":\"" + "x".repeat(LiveMessage.MAX_FRAME_BYTES) + "\"}");
                await("closed").until(() -> pc.closedWith() != null);
                assertTrue(pc.closedWith().startsWith("1009 "), pc.closedWith());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aPcThatFreesUpIsHeldForTheNextNumberWhichItsSessionServes(String kind) throws Exception {
        try (RunningCollector collector = new RunningCollector(kind, temp)) {
            EnrolmentResponse enrolled = collector.enrol(RunningCollector.RODINA_CODE);
            ClubConsole console = collector.server.live().console();
            console.changeSettings(
                    LiveConsoleTest.RODINA_STAFF, RODINA, new ClubSettings(0, List.of(), null, null, true, 5, 15));
            Instant started = collector.clock.instant().minusSeconds(60);
            try (LivePc pc = LivePc.connect(collector.server.port(), enrolled.token())) {
                pc.send(inSession(collector.clock.instant(), started, false, null));
                await("in session")
                        .until(() -> console.room(LiveConsoleTest.RODINA_STAFF, RODINA)
                                        .get(0)
                                        .mode()
                                == PcMode.IN_SESSION);
                assertEquals(1, console.enqueue(LiveConsoleTest.RODINA_STAFF, RODINA));
                assertEquals(2, console.enqueue(LiveConsoleTest.RODINA_STAFF, RODINA));
                await("told two wait").until(() -> last(pc).waiting() == 2);
                assertNull(last(pc).reservedFor(), "a PC in session is not held");

                pc.send(free(collector.clock.instant()));
                await("held for №1").until(() -> Integer.valueOf(1).equals(last(pc).reservedFor()));
                assertEquals(collector.clock.instant().plus(Duration.ofMinutes(5)), last(pc).reservedUntil());
                assertEquals(1, last(pc).waiting());
                assertEquals(
                        1,
                        console.room(LiveConsoleTest.RODINA_STAFF, RODINA)
                                .get(0)
                                .reservedFor());
                assertEquals(
                        List.of(2),
                        console.queue(LiveConsoleTest.RODINA_STAFF, RODINA).waiting());
                assertEquals(
                        List.of(new QueueView.Hold(
                                1, 1, collector.clock.instant().plus(Duration.ofMinutes(5)))),
                        console.queue(LiveConsoleTest.RODINA_STAFF, RODINA).held());

                pc.send(inSession(collector.clock.instant(), collector.clock.instant(), false, 1));
                await("№1 served")
                        .until(() -> console.queue(LiveConsoleTest.RODINA_STAFF, RODINA)
                                .held()
                                .isEmpty());
                assertEquals(
                        List.of(2),
                        console.queue(LiveConsoleTest.RODINA_STAFF, RODINA).waiting());
                await("told the hold is over").until(() -> last(pc).reservedFor() == null);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aHoldThatRunsOutTwiceDropsItsNumberAsNotCome(String kind) throws Exception {
        try (RunningCollector collector = new RunningCollector(kind, temp)) {
            EnrolmentResponse enrolled = collector.enrol(RunningCollector.RODINA_CODE);
            ClubConsole console = collector.server.live().console();
            console.changeSettings(
                    LiveConsoleTest.RODINA_STAFF, RODINA, new ClubSettings(0, List.of(), null, null, true, 5, 15));
            try (LivePc pc = LivePc.connect(collector.server.port(), enrolled.token())) {
                pc.send(free(collector.clock.instant()));
                await("online and free")
                        .until(() -> console.room(LiveConsoleTest.RODINA_STAFF, RODINA)
                                        .get(0)
                                        .mode()
                                == PcMode.FREE);
                assertEquals(1, console.enqueue(LiveConsoleTest.RODINA_STAFF, RODINA));
                await("held at once").until(() -> Integer.valueOf(1).equals(last(pc).reservedFor()));

                collector.clock.advance(Duration.ofMinutes(6));
                pc.send(free(collector.clock.instant()));
                await("held again, for its second chance").until(() -> {
                    List<QueueView.Hold> held =
                            console.queue(LiveConsoleTest.RODINA_STAFF, RODINA).held();
                    return held.size() == 1 && held.get(0).until().isAfter(collector.clock.instant());
                });
                collector.clock.advance(Duration.ofMinutes(6));
                pc.send(free(collector.clock.instant()));
                await("dropped")
                        .until(() -> console.queue(LiveConsoleTest.RODINA_STAFF, RODINA)
                                        .held()
                                        .isEmpty()
                                && last(pc).reservedFor() == null);
                assertEquals(
                        List.of(),
                        console.queue(LiveConsoleTest.RODINA_STAFF, RODINA).waiting());
                assertEquals(
                        "QUEUE_NO_SHOW №1",
                        console.audit(LiveConsoleTest.RODINA_STAFF, RODINA, 1)
                                .get(0)
                                .action());
                assertEquals(
                        "collector",
                        console.audit(LiveConsoleTest.RODINA_STAFF, RODINA, 1)
                                .get(0)
                                .who());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void changedCardsAndSettingsReachTheClubsPcsOnly(String kind) throws Exception {
        try (RunningCollector collector = new RunningCollector(kind, temp)) {
            EnrolmentResponse rodina = collector.enrol(RunningCollector.RODINA_CODE);
            EnrolmentResponse zagore = collector.enrol(RunningCollector.ZAGORE_CODE);
            try (LivePc mine = LivePc.connect(collector.server.port(), rodina.token());
                    LivePc other = LivePc.connect(collector.server.port(), zagore.token())) {
                await("the Rooms")
                        .until(() -> mine.received(Room.class).size() == 1
                                && other.received(Room.class).size() == 1);
                collector.server.live().cardsChanged(RODINA, 17);
                collector
                        .server
                        .live()
                        .console()
                        .changeSettings(
                                LiveConsoleTest.RODINA_STAFF,
                                RODINA,
                                new ClubSettings(0, List.of(), 30, null, false, 5, 20));
                await("both")
                        .until(() -> mine.received(CardsChanged.class).size() == 1
                                && mine.received(Room.class).size() == 2);
                assertEquals(17, mine.received(CardsChanged.class).get(0).cursor());
                assertEquals(1, last(mine).settings().version());
                assertEquals(20, last(mine).settings().graceMinutes());
                other.send(free(collector.clock.instant()));
                await("the other's state")
                        .until(() -> collector
                                        .server
                                        .live()
                                        .console()
                                        .room(LiveConsoleTest.MUNICIPALITY, RunningCollector.ZAGORE.id())
                                        .get(0)
                                        .mode()
                                == PcMode.FREE);
                assertEquals(List.of(), other.received(CardsChanged.class));
                assertEquals(1, other.received(Room.class).size());
                assertFalse(other.received().isEmpty());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aRevokedPcIsClosedAndWhatTheCollectorSentNamesNoMachine(String kind) throws Exception {
        try (RunningCollector collector = new RunningCollector(kind, temp)) {
            EnrolmentResponse enrolled = collector.enrol(RunningCollector.RODINA_CODE);
            ClubConsole console = collector.server.live().console();
            console.changeSettings(
                    LiveConsoleTest.RODINA_STAFF, RODINA, new ClubSettings(0, List.of(), 30, 10, true, 5, 15));
            try (LivePc pc = LivePc.connect(collector.server.port(), enrolled.token())) {
                pc.send(free(collector.clock.instant()));
                await("online")
                        .until(() -> console.room(LiveConsoleTest.RODINA_STAFF, RODINA)
                                .get(0)
                                .online());
                console.enqueue(LiveConsoleTest.RODINA_STAFF, RODINA);
                console.issue(
                        LiveConsoleTest.RODINA_STAFF,
                        RODINA,
                        null,
                        new CommandRequest(CommandKind.MESSAGE, null, "Затваряме след 10 минути", null, null));
                await("the hold and the message")
                        .until(() -> pc.received(Command.class).size() == 1 && last(pc).reservedFor() != null);
                PrivacyScan.ofThisMachine().assertClean(pc.frames(), frame -> frame, frame -> "live frame " + frame);

                new ClubStore(collector.database).revokeDevice(enrolled.deviceId());

                await("closed").until(() -> pc.closedWith() != null);
                assertTrue(pc.closedWith().startsWith("4001 "), pc.closedWith());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aCommandWhoseSignalWasLostIsSentByTheSweep(String kind) throws Exception {
        try (RunningCollector collector = new RunningCollector(kind, temp)) {
            EnrolmentResponse enrolled = collector.enrol(RunningCollector.RODINA_CODE);
            try (LivePc pc = LivePc.connect(collector.server.port(), enrolled.token())) {
                await("the Room").until(() -> pc.received(Room.class).size() == 1);
                Instant now = collector.clock.instant();
                Command lost = new Command(
                        UUID.randomUUID(), CommandKind.RESTART, now, now.plusSeconds(600), null, null, null, null);
                // stored as another instance would, but its NOTIFY never came
                collector.database.write(c -> {
                    new CommandStore().insert(c, RODINA, enrolled.deviceId(), lost, "rodina");
                    return null;
                });

                await("the sweep sent it")
                        .until(() -> pc.received(Command.class).size() == 1);
                assertEquals(lost, pc.received(Command.class).get(0));
            }
        }
    }

    /** The last Room the PC got; before the first, one that says nothing (defaults, nobody waiting, no hold). */
    private static Room last(LivePc pc) {
        List<Room> rooms = pc.received(Room.class);
        return rooms.isEmpty() ? new Room(ClubSettings.DEFAULTS, 0, null, null) : rooms.get(rooms.size() - 1);
    }
}
