package bg.digiclub.agent.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.session.SessionAuthority.Granted;
import bg.digiclub.agent.session.SessionRecord;
import bg.digiclub.agent.session.SessionRefusedException;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.HelpState;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.common.live.CommandOutcome;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.common.live.PcState;
import bg.digiclub.common.live.Room;

/** Staff's commands and the PC's state, by the test's clock: an hour-long session in milliseconds. */
class ClubRoomTest {
    @TempDir
    Path dir;

    RoomFixture pc;

    @BeforeEach
    void open() throws Exception {
        pc = new RoomFixture(dir);
    }

    @AfterEach
    void close() {
        pc.close();
    }

    private CommandAck run(Command c) {
        CommandAck ack = pc.room.execute(c);
        assertEquals(c.id(), ack.commandId(), "the answer names its command");
        return ack;
    }

    private SessionRecord ended(Granted g) throws Exception {
        SessionRecord s = pc.ledger.find(g.sessionId()).orElseThrow();
        assertFalse(s.isOpen(), "the session ended");
        return s;
    }

    @Test
    void theStateFollowsAnHourLongSessionToItsEnd() throws Exception {
        pc.health.set(new HealthReport(HealthStatus.WARN, pc.clock.instant(), List.of()));
        PcState free = pc.room.state();
        assertEquals(PcMode.FREE, free.mode());
        assertEquals(HealthStatus.WARN, free.health());
        assertEquals("1.2.3", free.agentVersion());

        pc.clock.advance(Duration.ofMillis(400));
        Granted g = pc.guest();
        PcState running = pc.room.state();
        assertEquals(PcMode.IN_SESSION, running.mode());
        assertEquals(VisitorKind.GUEST, running.visitor());
        assertEquals(60, running.minutesLeft());
        assertEquals(Instant.ofEpochSecond(g.startedAt().getEpochSecond()), running.sessionStarted());
        assertEquals(0, running.sessionStarted().getNano(), "whole seconds, as the contract says");

        pc.pass(Duration.ofMinutes(30).plusSeconds(10), g);
        assertEquals(30, pc.room.state().minutesLeft(), "rounded up");

        int toldBefore = pc.told.get();
        pc.pass(Duration.ofMinutes(31), g);
        assertEquals(EndReason.TIMEOUT, ended(g).endReason());
        assertEquals(PcMode.FREE, pc.room.state().mode());
        assertTrue(pc.told.get() > toldBefore, "the end of the session was told by the room's round");
    }

    @Test
    void extendAndEndReachOnlyTheSessionTheyName() throws Exception {
        Granted first = pc.guest();
        Instant firstStarted = pc.room.state().sessionStarted();
        pc.pass(Duration.ofMinutes(10), first);

        CommandAck extended = run(pc.command(CommandKind.EXTEND, 15, null, firstStarted));
        assertEquals(CommandOutcome.DONE, extended.outcome(), extended.detail());
        assertEquals(65, pc.room.state().minutesLeft());
        assertEquals(Duration.ofMinutes(65), pc.sessions.heartbeat(first.sessionId(), first.secret()));

        pc.sessions.end(first.sessionId(), first.secret(), EndReason.LOGOUT);
        pc.clock.advance(Duration.ofMinutes(1));
        Granted second = pc.guest();

        CommandAck late = run(pc.command(CommandKind.EXTEND, 15, null, firstStarted));
        assertEquals(CommandOutcome.REFUSED, late.outcome(), "the next visitor's session is not the one named");
        CommandAck lateEnd = run(pc.command(CommandKind.END_SESSION, null, null, firstStarted));
        assertEquals(CommandOutcome.REFUSED, lateEnd.outcome());
        assertTrue(pc.ledger.find(second.sessionId()).orElseThrow().isOpen());
        assertEquals(60, pc.room.state().minutesLeft());

        pc.visitor.calls.clear();
        CommandAck end = run(
                pc.command(CommandKind.END_SESSION, null, null, pc.room.state().sessionStarted()));
        assertEquals(CommandOutcome.DONE, end.outcome(), end.detail());
        assertEquals(EndReason.STAFF, ended(second).endReason());
        assertEquals(List.of("reset"), pc.visitor.calls, "the normal end: the visitor's home is reset");
        assertThrows(SessionRefusedException.class, () -> pc.sessions.heartbeat(second.sessionId(), second.secret()));
    }

    @Test
    void aLockEndsTheSessionAndHoldsAcrossARestartUntilUnlocked() throws Exception {
        Granted g = pc.guest();
        CommandAck lock = run(pc.command(CommandKind.LOCK));
        assertEquals(CommandOutcome.DONE, lock.outcome());
        assertTrue(lock.detail().contains("session was ended"), lock.detail());
        assertEquals(EndReason.STAFF, ended(g).endReason());
        assertEquals(PcMode.LOCKED, pc.room.state().mode());
        SessionRefusedException refused = assertThrows(SessionRefusedException.class, pc::guest);
        assertEquals(ErrorCodes.CLOSED, refused.code());

        pc.restart();
        assertEquals(PcMode.LOCKED, pc.room.state().mode(), "a restart does not put the PC back in service");
        assertEquals(
                ErrorCodes.CLOSED,
                assertThrows(SessionRefusedException.class, pc::guest).code());
        assertEquals(CommandOutcome.DONE, run(pc.command(CommandKind.LOCK)).outcome(), "locking twice is fine");

        assertEquals(CommandOutcome.DONE, run(pc.command(CommandKind.UNLOCK)).outcome());
        assertEquals(PcMode.FREE, pc.room.state().mode());
        pc.guest();
        pc.restart();
        assertEquals(PcMode.IN_SESSION, pc.room.state().mode());
    }

    @Test
    void aLockedPcIsPutBackInServiceAtThePcWhenTheClubPageCannotBeReached() throws Exception {
        run(pc.command(CommandKind.LOCK));
        pc.room.tick();
        assertEquals(PcMode.LOCKED, pc.room.state().mode(), "the round keeps a lock that is on disk");
        assertTrue(ClubRoom.unlockOnDisk(pc.db));
        pc.room.tick();
        assertEquals(PcMode.FREE, pc.room.state().mode(), "the running agent takes the unlock at its next round");
        pc.guest();
        assertFalse(ClubRoom.unlockOnDisk(pc.db), "it was not locked");
    }

    @Test
    void maintenanceIsRefusedWhileASessionRunsAndEndsOnCommand() throws Exception {
        Granted g = pc.guest();
        CommandAck refused = run(pc.command(CommandKind.MAINTENANCE_START, 20, null, null));
        assertEquals(CommandOutcome.REFUSED, refused.outcome(), "the staff panel's rule: end the session first");
        pc.sessions.end(g.sessionId(), g.secret(), EndReason.LOGOUT);

        assertEquals(
                CommandOutcome.DONE,
                run(pc.command(CommandKind.MAINTENANCE_START, 20, null, null)).outcome());
        assertEquals(PcMode.MAINTENANCE, pc.room.state().mode());
        assertEquals(
                ErrorCodes.BUSY,
                assertThrows(SessionRefusedException.class, pc::guest).code());

        CommandAck end = run(pc.command(CommandKind.MAINTENANCE_END));
        assertEquals("maintenance ended", end.detail());
        assertEquals(PcMode.FREE, pc.room.state().mode());
        assertEquals(
                "no maintenance was on",
                run(pc.command(CommandKind.MAINTENANCE_END)).detail());

        run(pc.command(CommandKind.MAINTENANCE_START, 20, null, null));
        pc.pass(Duration.ofMinutes(21));
        assertEquals(PcMode.FREE, pc.room.state().mode(), "maintenance ends by itself when its time is up");
    }

    @Test
    void restartEndsTheSessionAndGoesDownOnceAfterTheAnswerLeft() throws Exception {
        Granted g = pc.guest();
        CommandAck restart = run(pc.command(CommandKind.RESTART));
        assertEquals(CommandOutcome.DONE, restart.outcome());
        assertEquals(EndReason.STAFF, ended(g).endReason());
        assertEquals(List.of(), pc.power.calls, "not before the answer could leave");

        pc.clock.advance(ClubRoom.POWER_DELAY);
        pc.room.tick();
        assertEquals(List.of("restart"), pc.power.calls);
        pc.pass(Duration.ofMinutes(1));
        assertEquals(List.of("restart"), pc.power.calls, "once");

        run(pc.command(CommandKind.SHUTDOWN));
        pc.pass(Duration.ofSeconds(20));
        assertEquals(List.of("restart", "shutdown"), pc.power.calls);
    }

    @Test
    void staffMessagesAreKeptUntilTheVisitorReadsThemEvenAcrossARestart() throws Exception {
        Command hello = pc.command(CommandKind.MESSAGE, null, "Затваряме в 20:00", null);
        Command second = pc.command(CommandKind.MESSAGE, null, "Second", null);
        assertEquals(CommandOutcome.DONE, run(hello).outcome());
        pc.clock.advance(Duration.ofSeconds(1));
        run(second);
        assertEquals("Затваряме в 20:00", pc.room.notices().message().text(), "the oldest first");
        assertEquals(hello.id().toString(), pc.room.notices().message().id());

        pc.restart();
        assertEquals(hello.id().toString(), pc.room.notices().message().id(), "kept on disk");
        pc.room.acknowledge("not-a-message");
        pc.room.acknowledge(hello.id().toString());
        assertEquals("Second", pc.room.notices().message().text());
        pc.room.acknowledge(second.id().toString());
        assertNull(pc.room.notices().message());
    }

    @Test
    void aFloodOfMessagesKeepsOnlyTheNewest() throws Exception {
        for (int i = 0; i < RoomStore.MAX_MESSAGES + 5; i++) {
            run(pc.command(CommandKind.MESSAGE, null, "message " + i, null));
            pc.clock.advance(Duration.ofMillis(1));
        }
        assertEquals("message 5", pc.room.notices().message().text());
    }

    @Test
    void helpIsOneCallUntilAnsweredThenSeenForTwoMinutes() throws Exception {
        Granted g = pc.guest();
        int told = pc.told.get();
        assertEquals(HelpState.CALLED, pc.room.callHelp());
        assertTrue(pc.room.state().helpCalled());
        assertEquals(told + 1, pc.told.get(), "the call is told at once");
        for (int i = 0; i < 50; i++) {
            pc.room.callHelp();
        }
        assertEquals(told + 1, pc.told.get(), "pressing again is the same call: nothing more is sent");

        CommandAck answer = run(pc.command(CommandKind.ANSWER_HELP));
        assertEquals(CommandOutcome.DONE, answer.outcome());
        assertFalse(pc.room.state().helpCalled());
        assertEquals(HelpState.SEEN, pc.room.notices().help());
        assertEquals(HelpState.SEEN, pc.room.callHelp(), "no new call while seen");
        pc.pass(HelpCall.SEEN_SHOWN, g);
        assertEquals(HelpState.NONE, pc.room.notices().help());
        assertEquals(
                "no call was waiting", run(pc.command(CommandKind.ANSWER_HELP)).detail());

        pc.room.callHelp();
        run(pc.command(CommandKind.ANSWER_HELP));
        pc.sessions.end(g.sessionId(), g.secret(), EndReason.LOGOUT);
        assertEquals(HelpState.NONE, pc.room.notices().help(), "the next visitor is not told someone is coming");
    }

    @Test
    void theClubsSettingsOnlyMoveForwardAndAreKeptOnDisk() throws Exception {
        pc.room.roomChanged(new Room(RoomFixture.settings(3, List.of(), null, false, 20), 0, null, null));
        pc.room.roomChanged(new Room(RoomFixture.settings(2, List.of(), null, false, 5), 4, null, null));
        pc.restart();
        Granted g = pc.guest();
        pc.pass(Duration.ofMinutes(56), g);
        assertEquals(20, pc.room.notices().graceMinutes(), "version 3's grace, not the older 2's");
    }

    @Test
    void wakeIsRefusedWithoutAddresses() {
        CommandAck wake = run(pc.command(CommandKind.WAKE));
        assertEquals(CommandOutcome.REFUSED, wake.outcome());
    }
}
