package bg.digiclub.agent.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import bg.digiclub.agent.session.SessionRefusedException;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.live.ClubSettings;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.common.live.CommandOutcome;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.common.live.Room;

/** The club's rules on this PC — opening hours, the walk-up queue, grace — by the test's clock. */
class ClubRulesTest {
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

    private void club(ClubSettings settings, int waiting) {
        pc.room.roomChanged(new Room(settings, waiting, null, null));
    }

    private static ClubSettings queueWithGrace(long version, int grace) {
        return RoomFixture.settings(version, List.of(), null, true, grace);
    }

    private void endAndWait(Granted g, Duration after) throws Exception {
        pc.sessions.end(g.sessionId(), g.secret(), EndReason.LOGOUT);
        pc.clock.advance(after);
    }

    // ---- opening hours

    @Test
    void outsideOpeningHoursThePcIsClosedAndNoSessionStarts() throws Exception {
        club(RoomFixture.settings(1, RoomFixture.wednesdayNineToEight(), null, false, 0), 0);
        pc.clock.advance(Duration.ofHours(-1)); // 08:00
        assertEquals(PcMode.CLOSED, pc.room.state().mode());
        assertEquals(
                ErrorCodes.CLOSED,
                assertThrows(SessionRefusedException.class, pc::guest).code());

        pc.pass(Duration.ofHours(1)); // 09:00
        assertEquals(PcMode.FREE, pc.room.state().mode());
        pc.guest();
    }

    @Test
    void theKioskIsWarnedBeforeClosingAndTheSessionEndsAtClosing() throws Exception {
        club(RoomFixture.settings(1, RoomFixture.wednesdayNineToEight(), null, false, 0), 0);
        pc.clock.advance(Duration.ofHours(10).plusMinutes(30)); // 19:30
        Granted g = pc.guest();
        assertEquals(Duration.ofMinutes(30), g.remaining(), "no more than the club's day has left");
        assertNull(pc.room.notices().minutesToClosing());

        pc.pass(Duration.ofMinutes(20), g); // 19:50
        assertEquals(10, pc.room.notices().minutesToClosing());
        pc.pass(Duration.ofMinutes(5), g);
        assertEquals(5, pc.room.notices().minutesToClosing());

        // staff extended it past closing: closing still ends it
        pc.room.execute(pc.command(CommandKind.EXTEND, 60, null, pc.room.state().sessionStarted()));
        pc.pass(Duration.ofMinutes(5), g); // 20:00
        assertEquals(
                EndReason.STAFF, pc.ledger.find(g.sessionId()).orElseThrow().endReason());
        assertEquals(PcMode.CLOSED, pc.room.state().mode());
    }

    @Test
    void thePcShutsDownOnceTheConfiguredTimeAfterClosingButNotWhenSwitchedOnLater() throws Exception {
        club(RoomFixture.settings(1, RoomFixture.wednesdayNineToEight(), 30, false, 0), 0);
        pc.pass(Duration.ofHours(11).plusMinutes(29)); // 20:29
        assertEquals(List.of(), pc.power.calls);
        pc.pass(Duration.ofMinutes(1)); // 20:30
        assertEquals(List.of("shutdown"), pc.power.calls);
        pc.pass(Duration.ofMinutes(30));
        assertEquals(List.of("shutdown"), pc.power.calls, "once");

        // someone switches it on again at 21:00 (the agent starts): it stays on
        pc.restart();
        pc.pass(Duration.ofHours(2));
        assertEquals(List.of("shutdown"), pc.power.calls);
    }

    @Test
    void anEmptyWeekIsAlwaysOpenAndNeverShutsDown() throws Exception {
        club(RoomFixture.settings(1, List.of(), 0, false, 0), 0);
        pc.pass(Duration.ofHours(30));
        assertEquals(PcMode.FREE, pc.room.state().mode());
        assertEquals(List.of(), pc.power.calls);
    }

    // ---- the queue

    @Test
    void withPeopleWaitingANewSessionRightAfterOneNeedsTheirTurnOrApproval() throws Exception {
        club(queueWithGrace(1, 15), 2);
        Granted first = pc.guest();
        endAndWait(first, Duration.ofMinutes(1));
        SessionRefusedException refused = assertThrows(SessionRefusedException.class, pc::guest);
        assertEquals(ErrorCodes.QUEUE_WAITING, refused.code());
        assertTrue(pc.room.notices().queueWaiting());

        assertEquals(
                CommandOutcome.DONE,
                pc.room.execute(pc.command(CommandKind.APPROVE_SESSION)).outcome());
        Granted approved = pc.guest();
        endAndWait(approved, Duration.ofMinutes(1));
        assertEquals(
                ErrorCodes.QUEUE_WAITING,
                assertThrows(SessionRefusedException.class, pc::guest).code(),
                "one approval, one session");

        pc.clock.advance(Duration.ofMinutes(4)); // the reservation time (5 min) since the end has passed
        pc.guest();
    }

    @Test
    void anApprovalRunsOut() throws Exception {
        club(new ClubSettings(1, List.of(), null, null, true, 30, 0), 2);
        endAndWait(pc.guest(), Duration.ofSeconds(30));
        pc.room.execute(pc.command(CommandKind.APPROVE_SESSION));
        pc.clock.advance(ClubRoom.APPROVAL_LIFETIME.plusSeconds(1));
        assertEquals(
                ErrorCodes.QUEUE_WAITING,
                assertThrows(SessionRefusedException.class, pc::guest).code());
    }

    @Test
    void aHeldPcIsTheNumbersTurnAndTheSessionReportsItServed() throws Exception {
        club(queueWithGrace(1, 15), 3);
        endAndWait(pc.guest(), Duration.ofSeconds(20));
        Instant now = pc.clock.instant();
        pc.room.roomChanged(new Room(queueWithGrace(1, 15), 3, 7, now.plus(Duration.ofMinutes(5))));
        assertEquals(7, pc.room.state().reservedFor());
        assertEquals(7, pc.room.notices().reservedFor());

        Granted turn = pc.guest();
        assertEquals(7, pc.room.state().servedTicket());
        assertNull(pc.room.state().reservedFor());

        endAndWait(turn, Duration.ofSeconds(20));
        pc.restart();
        assertNull(pc.room.state().reservedFor(), "the hold ended with the turn, also on disk");
    }

    @Test
    void aHoldThatRanOutIsNoTurn() throws Exception {
        club(queueWithGrace(1, 15), 3);
        endAndWait(pc.guest(), Duration.ofSeconds(20));
        pc.room.roomChanged(
                new Room(queueWithGrace(1, 15), 3, 7, pc.clock.instant().plusSeconds(60)));
        pc.clock.advance(Duration.ofSeconds(61));
        assertNull(pc.room.state().reservedFor());
        assertEquals(
                ErrorCodes.QUEUE_WAITING,
                assertThrows(SessionRefusedException.class, pc::guest).code());
    }

    @Test
    void withTheQueueOffNobodyWaits() throws Exception {
        club(RoomFixture.settings(1, List.of(), null, false, 15), 5);
        endAndWait(pc.guest(), Duration.ofSeconds(5));
        pc.guest();
    }

    // ---- grace

    @Test
    void graceIsOfferedInTheLastFiveMinutesAndTakenOnce() throws Exception {
        club(queueWithGrace(1, 15), 0);
        Granted g = pc.guest();
        pc.pass(Duration.ofMinutes(54), g);
        assertEquals(0, pc.room.notices().graceMinutes(), "not before the last 5 minutes");
        assertEquals(
                ErrorCodes.NOT_ALLOWED,
                assertThrows(SessionRefusedException.class, () -> pc.room.takeGrace(g.sessionId(), g.secret()))
                        .code());

        pc.pass(Duration.ofMinutes(2), g);
        assertEquals(15, pc.room.notices().graceMinutes());
        assertEquals(
                ErrorCodes.SESSION_AUTH_REQUIRED,
                assertThrows(SessionRefusedException.class, () -> pc.room.takeGrace(g.sessionId(), "not-the-secret"))
                        .code());
        assertEquals(15, pc.room.notices().graceMinutes(), "a wrong secret takes nothing");

        Duration left = pc.room.takeGrace(g.sessionId(), g.secret());
        assertEquals(Duration.ofMinutes(19), left);
        assertEquals(19 * 60, pc.room.notices().remainingSeconds());

        pc.pass(Duration.ofMinutes(16), g);
        assertEquals(0, pc.room.notices().graceMinutes(), "once per session");
        assertEquals(
                ErrorCodes.NOT_ALLOWED,
                assertThrows(SessionRefusedException.class, () -> pc.room.takeGrace(g.sessionId(), g.secret()))
                        .code());

        pc.restart();
        assertEquals(0, pc.room.notices().graceMinutes(), "still once after the agent restarted");
    }

    @Test
    void graceIsRefusedWithPeopleWaitingUnlessStaffAllowIt() throws Exception {
        club(queueWithGrace(1, 15), 1);
        Granted g = pc.guest();
        pc.pass(Duration.ofMinutes(57), g);
        assertEquals(0, pc.room.notices().graceMinutes());
        assertEquals(
                ErrorCodes.NOT_ALLOWED,
                assertThrows(SessionRefusedException.class, () -> pc.room.takeGrace(g.sessionId(), g.secret()))
                        .code());

        assertEquals(
                CommandOutcome.DONE,
                pc.room
                        .execute(pc.command(CommandKind.ALLOW_GRACE, 10, null, null))
                        .outcome());
        assertEquals(10, pc.room.notices().graceMinutes());
        assertEquals(Duration.ofMinutes(13), pc.room.takeGrace(g.sessionId(), g.secret()));
        pc.pass(Duration.ofMinutes(9), g);
        assertEquals(0, pc.room.notices().graceMinutes(), "staff's block is taken once too");
    }

    @Test
    void staffGraceWithoutASessionIsRefused() {
        assertEquals(
                CommandOutcome.REFUSED,
                pc.room
                        .execute(pc.command(CommandKind.ALLOW_GRACE, 10, null, null))
                        .outcome());
    }

    @Test
    void graceNeverRunsPastClosing() throws Exception {
        club(RoomFixture.settings(1, RoomFixture.wednesdayNineToEight(), null, false, 15), 0);
        pc.clock.advance(Duration.ofHours(10)); // 19:00
        Granted g = pc.guest(Duration.ofMinutes(50)); // to 19:50
        pc.pass(Duration.ofMinutes(46), g);
        assertEquals(10, pc.room.notices().graceMinutes(), "the block shrinks to the day's end");
    }
}
