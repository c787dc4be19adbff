package bg.digiclub.agent.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.live.CardsChanged;
import bg.digiclub.common.live.ClubSettings;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.common.live.CommandOutcome;
import bg.digiclub.common.live.LiveMessage;
import bg.digiclub.common.live.PcState;
import bg.digiclub.common.live.Room;
import bg.digiclub.testsupport.Patience;
import bg.digiclub.testsupport.PrivacyScan;

/** The live channel against a collector over real loopback WebSockets, on a real database file. */
class LiveClientTest {
    @TempDir
    Path dir;

    FakeLiveCollector collector;
    LiveRig rig;

    @BeforeEach
    void setUp() throws Exception {
        collector = new FakeLiveCollector();
        rig = new LiveRig(dir, collector.url());
    }

    @AfterEach
    void tearDown() throws Exception {
        rig.close();
        collector.close();
        // nothing the agent sent names the device, its club, its token or this machine
        PrivacyScan.ofThisMachine()
                .forbidding(List.of(LiveRig.DEVICE.toString(), LiveRig.CLUB, LiveRig.TOKEN))
                .assertClean(collector.frames(), f -> f, f -> "frame " + f);
    }

    @Test
    void connectsWithTheDeviceTokenAndSendsTheStateAtOnce() throws Exception {
        rig.enrol();
        rig.start();
        FakeLiveCollector.Attempt first = collector.awaitOpen(1);
        Patience.await("the state on connect")
                .until(() -> !collector.states(first).isEmpty());
        assertEquals(TestPcConsole.free(0), collector.states(first).get(0));
        assertTrue(rig.client.connected());
        assertEquals("/api/v1/live", first.request.getUrl().encodedPath());
        assertEquals("Bearer " + LiveRig.TOKEN, first.request.getHeaders().get("Authorization"));
    }

    @Test
    void noConnectionUntilThePcIsEnrolledAndNoneWithARefusedToken() throws Exception {
        rig.start();
        // the client looks every max-backoff (40 ms here) and would connect at once if it found a token
        Patience.await("a few looks for the token").until(() -> rig.tokenLooks.get() >= 3);
        assertEquals(0, collector.attempts().size(), "attempts before enrolment");
        rig.enrol();
        collector.awaitOpen(1);
        rig.enrolment.markNeedsReenrolment("HTTP 401");
        int looks = rig.tokenLooks.get();
        collector.latest().socket.close(1008, "device revoked");
        Patience.await("a few looks after the refusal").until(() -> rig.tokenLooks.get() >= looks + 3);
        assertEquals(1, collector.attempts().size(), "attempts with a refused token");
    }

    @Test
    void changesGoUpCoalescedAndTheStateEveryIntervalWithoutChanges() throws Exception {
        rig.enrol();
        rig.start();
        FakeLiveCollector.Attempt on = collector.awaitOpen(1);
        Patience.await("the first state").until(() -> collector.states(on).size() == 1);
        for (int minutes = 60; minutes > 50; minutes--) {
            rig.console.change(TestPcConsole.inSession(minutes));
        }
        Patience.await("the last change sent").until(() -> collector.states(on).contains(TestPcConsole.inSession(51)));
        int afterChanges = collector.states(on).size() - 1;
        assertTrue(afterChanges < 10, "ten changes in a row go up coalesced, were " + afterChanges + " states");
        assertEquals(
                TestPcConsole.inSession(51),
                collector.states(on).get(collector.states(on).size() - 1));

        rig.stop();
        rig.settings = rig.settings.withTimings(Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(50));
        rig.restart();
        FakeLiveCollector.Attempt second = collector.awaitOpen(2);
        Patience.await("states while nothing changes")
                .until(() -> collector.states(second).size() >= 4);
    }

    @Test
    void reconnectsWithExponentialBackoffAfterRefusalsAndDrops() throws Exception {
        collector.refuseNext(3, 503);
        rig.enrol();
        rig.start();
        collector.awaitOpen(1);
        List<FakeLiveCollector.Attempt> attempts = collector.attempts();
        assertEquals(4, attempts.size());
        // ceilings 10, 20, 40 ms (the test's backoff always waits its ceiling); a wait is never shorter
        long[] least = {10, 20, 40};
        for (int i = 0; i < 3; i++) {
            long gap = Duration.ofNanos(attempts.get(i + 1).atNanos - attempts.get(i).atNanos)
                    .toMillis();
            assertTrue(gap >= least[i], "wait before attempt " + (i + 2) + " was " + gap + " ms, least " + least[i]);
        }
        collector.latest().socket.close(1001, "collector restarting");
        Patience.await("the drop seen")
                .until(() -> !rig.client.connected() || collector.accepted().size() > 1);
        collector.awaitOpen(2);
        collector.latest().socket.close(1011, "collector failed");
        collector.awaitOpen(3);
    }

    @Test
    void aRefusedTokenOrARevokedDeviceWaitsTheWholeCapBeforeTryingAgain() throws Exception {
        collector.refuseNext(2, 401);
        rig.enrol();
        rig.start();
        collector.awaitOpen(1);
        collector.latest().socket.close(LiveClient.REVOKED, "device revoked");
        collector.awaitOpen(2);
        List<FakeLiveCollector.Attempt> attempts = collector.attempts();
        assertEquals(4, attempts.size());
        // without the refusal the waits would be 10 and 20 ms (and 10 after the drop); refused: the cap, 40 ms
        for (int i = 0; i < 3; i++) {
            long gap = Duration.ofNanos(attempts.get(i + 1).atNanos - attempts.get(i).atNanos)
                    .toMillis();
            assertTrue(gap >= 40, "wait before attempt " + (i + 2) + " was " + gap + " ms");
        }
    }

    @Test
    void aCommandRunsOnceHoweverOftenItComesAcrossReconnects() throws Exception {
        rig.enrol();
        rig.start();
        Command extend = rig.command(CommandKind.EXTEND);
        collector.send(collector.awaitOpen(1), extend);
        collector.send(collector.latest(), extend);
        Patience.await("two answers").until(() -> collector.acks().size() == 2);
        collector.latest().socket.close(1000, "bye");
        collector.send(collector.awaitOpen(2), extend);
        Patience.await("the third answer").until(() -> collector.acks().size() == 3);
        CommandAck done = new CommandAck(extend.id(), CommandOutcome.DONE, "done EXTEND");
        assertEquals(List.of(done, done, done), collector.acks());
        assertEquals(List.of(extend), rig.console.executed());
    }

    @Test
    void aDroppedAnswerIsAnsweredAgainTheSameWithoutRunningAgain() throws Exception {
        rig.enrol();
        rig.start();
        Command lock = rig.command(CommandKind.LOCK);
        collector.cutOnAck(true);
        collector.send(collector.awaitOpen(1), lock);
        FakeLiveCollector.Attempt second = collector.awaitOpen(2);
        collector.cutOnAck(false);
        collector.send(second, lock);
        Patience.await("the answer again").until(() -> collector.acks().size() == 2);
        assertEquals(collector.acks().get(0), collector.acks().get(1));
        assertEquals(CommandOutcome.DONE, collector.acks().get(1).outcome());
        assertEquals(1, rig.console.executed().size());
    }

    @Test
    void anAnswerWhoseConnectionDroppedWhileItRanIsSentWhenTheCommandComesAgain() throws Exception {
        rig.enrol();
        rig.start();
        Command shutdown = rig.command(CommandKind.SHUTDOWN);
        rig.console.holdCommands();
        collector.send(collector.awaitOpen(1), shutdown);
        rig.console.awaitCommandEntered();
        collector.latest().socket.close(1011, "collector failed");
        FakeLiveCollector.Attempt second = collector.awaitOpen(2);
        collector.send(second, shutdown);
        rig.console.releaseCommands();
        Patience.await("an answer").until(() -> !collector.acks().isEmpty());
        assertEquals(
                new CommandAck(shutdown.id(), CommandOutcome.DONE, "done SHUTDOWN"),
                collector.acks().get(0));
        assertEquals(1, rig.console.executed().size());
    }

    @Test
    void aCommandAnsweredBeforeARestartIsNotRunAgainAfterIt() throws Exception {
        rig.enrol();
        rig.start();
        Command restart = rig.command(CommandKind.RESTART);
        collector.send(collector.awaitOpen(1), restart);
        Patience.await("the answer").until(() -> collector.acks().size() == 1);
        rig.restart();
        collector.send(collector.awaitOpen(2), restart);
        Patience.await("the answer again").until(() -> collector.acks().size() == 2);
        assertEquals(collector.acks().get(0), collector.acks().get(1));
        assertEquals(List.of(restart), rig.console.executed());
    }

    @Test
    void aCommandARestartInterruptedIsAnsweredFailedAndNeverRun() throws Exception {
        rig.enrol();
        Command end = rig.command(CommandKind.LOCK);
        // the agent recorded it and died while acting: the record has no answer
        assertEquals(Optional.empty(), rig.journal.receive(end));
        rig.restart();
        collector.send(collector.awaitOpen(1), end);
        Patience.await("the answer").until(() -> collector.acks().size() == 1);
        assertEquals(
                new CommandAck(end.id(), CommandOutcome.FAILED, CommandJournal.INTERRUPTED_BY_RESTART),
                collector.acks().get(0));
        assertEquals(List.of(), rig.console.executed());
    }

    @Test
    void aPcSideThatThrowsAnswersFailedOnce() throws Exception {
        rig.enrol();
        rig.start();
        rig.console.failWith(new IllegalStateException("broken"));
        Command wake = rig.command(CommandKind.UNLOCK);
        collector.send(collector.awaitOpen(1), wake);
        collector.send(collector.latest(), wake);
        Patience.await("two answers").until(() -> collector.acks().size() == 2);
        CommandAck failed = new CommandAck(wake.id(), CommandOutcome.FAILED, CommandRunner.CRASHED);
        assertEquals(List.of(failed, failed), collector.acks());
        assertEquals(1, rig.console.executed().size());
    }

    @Test
    void roomsGoToThePcAndCardsChangedRunsTheSync() throws Exception {
        rig.enrol();
        rig.start();
        Room room = new Room(ClubSettings.DEFAULTS, 3, 7, Instant.parse("2026-12-05T09:12:00Z"));
        collector.send(collector.awaitOpen(1), room);
        collector.send(collector.latest(), new CardsChanged(42));
        Patience.await("the room kept and the cards synced")
                .until(() -> rig.console.rooms().equals(List.of(room)) && rig.cardSyncs.get() == 1);
    }

    @Test
    void badFramesCloseTheConnectionWith1003AndNothingRuns() throws Exception {
        rig.enrol();
        rig.start();
        String pcState = "{\"type\":\"state\",\"at\":\"2026-12-05T09:00:00Z\",\"mode\":\"FREE\",\"visitor\":null,"
                + "\"minutesLeft\":null,\"sessionStarted\":null,\"health\":\"OK\",\"helpCalled\":false,"
                + "\"reservedFor\":null,\"servedTicket\":null,\"agentVersion\":\"x\"}";
        String tooLong = "{\"type\":\"command\",\"text\":\"" + "я".repeat(LiveMessage.MAX_FRAME_BYTES / 2) + "\"}";
        List<String> bad = List.of("not json", "{\"type\":\"nope\"}", pcState, tooLong);
        int n = 1;
        for (String frame : bad) {
            FakeLiveCollector.Attempt on = collector.awaitOpen(n++);
            collector.sendRaw(on, frame);
            Patience.await("closed after " + frame.substring(0, Math.min(20, frame.length())))
                    .until(() -> on.closeCode != null);
            assertEquals(LiveClient.UNACCEPTABLE, on.closeCode, frame);
            assertTrue(!on.closeReason.isBlank(), "a reason");
        }
        FakeLiveCollector.Attempt binary = collector.awaitOpen(n++);
        binary.socket.send(ByteString.encodeUtf8("{}"));
        Patience.await("closed after a binary frame").until(() -> binary.closeCode != null);
        assertEquals(LiveClient.UNACCEPTABLE, binary.closeCode);
        collector.awaitOpen(n);
        assertEquals(List.of(), rig.console.executed());
        assertEquals(List.of(), collector.acks());
    }

    @Test
    void aCommandOfANewerCollectorIsRefusedWithoutRunningAndTheConnectionStays() throws Exception {
        rig.enrol();
        rig.start();
        UUID unknownKind = UUID.randomUUID();
        UUID extraField = UUID.randomUUID();
        String newKind = "{\"type\":\"command\",\"id\":\"" + unknownKind
                + "\",\"kind\":\"PRINT_REPORT\",\"issuedAt\":\"2026-12-05T09:00:00Z\",\"expiresAt\":\"2026-12-05T10:00:00Z\","
                + "\"minutes\":null,\"text\":null,\"sessionStarted\":null,\"target\":null}";
        String newField = "{\"type\":\"command\",\"id\":\"" + extraField
                + "\",\"kind\":\"LOCK\",\"issuedAt\":\"2026-12-05T09:00:00Z\",\"expiresAt\":\"2026-12-05T10:00:00Z\","
                + "\"minutes\":null,\"text\":null,\"sessionStarted\":null,\"target\":null,\"priority\":1}";
        FakeLiveCollector.Attempt on = collector.awaitOpen(1);
        collector.sendRaw(on, newKind);
        collector.sendRaw(on, newField);
        Command lock = rig.command(CommandKind.LOCK);
        collector.send(on, lock);
        Patience.await("three answers").until(() -> collector.acks().size() == 3);
        assertEquals(
                List.of(
                        new CommandAck(unknownKind, CommandOutcome.REFUSED, LiveClient.UNREADABLE_COMMAND),
                        new CommandAck(extraField, CommandOutcome.REFUSED, LiveClient.UNREADABLE_COMMAND),
                        new CommandAck(lock.id(), CommandOutcome.DONE, "done LOCK")),
                collector.acks());
        assertEquals(List.of(lock), rig.console.executed(), "only the command it could read ran");
        assertEquals(null, on.closeCode, "the connection stays up");
    }

    @Test
    void stateFramesAreLiveMessagesWithNothingButTheState() throws Exception {
        rig.enrol();
        rig.start();
        FakeLiveCollector.Attempt on = collector.awaitOpen(1);
        rig.console.change(TestPcConsole.inSession(42));
        Patience.await("the session's state").until(() -> collector.states(on).contains(TestPcConsole.inSession(42)));
        for (LiveMessage m : collector.messages()) {
            assertTrue(m instanceof PcState, "only states went up: " + m);
        }
    }
}
