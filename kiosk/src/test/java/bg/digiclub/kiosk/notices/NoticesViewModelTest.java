package bg.digiclub.kiosk.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.HelpState;
import bg.digiclub.common.link.wire.Notices;
import bg.digiclub.common.link.wire.ShownMessage;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.session.SessionViewModel;
import bg.digiclub.kiosk.session.SessionWarning;
import bg.digiclub.kiosk.testing.EventLog;
import bg.digiclub.kiosk.testing.FakeAgentClient;
import bg.digiclub.kiosk.testing.FakeTicker;
import bg.digiclub.kiosk.testing.TestSessions;

class NoticesViewModelTest {
    private static final ShownMessage CLOSING_EARLY =
            new ShownMessage("cmd-41", "Днес затваряме в 17:00. Моля, запазете работата си.");

    private final EventLog log = new EventLog();
    private final FakeTicker ticker = new FakeTicker();
    private final FakeAgentClient agent = new FakeAgentClient(log, ticker);
    private SessionViewModel session;
    private NoticesViewModel notices;

    @BeforeEach
    void setUp() {
        session = TestSessions.session(List.of(Duration.ofMinutes(10), Duration.ofMinutes(5)), agent, ticker);
        notices = new NoticesViewModel(agent, session, ticker, Runnable::run, Runnable::run);
    }

    private static Notices free() {
        return new Notices(PcMode.FREE, null, null, null, false, HelpState.NONE, 0, null);
    }

    private static Notices running(long remainingSeconds) {
        return new Notices(PcMode.IN_SESSION, null, null, null, false, HelpState.NONE, 0, remainingSeconds);
    }

    /** The agent's answer changes; the kiosk hears it at its next poll, 2 s later. */
    private void agentSays(Notices next) {
        agent.notices = next;
        poll();
    }

    private void poll() {
        ticker.advance(NoticesViewModel.POLL);
        notices.tick();
    }

    private Overlay.Kind shown() {
        Overlay overlay = notices.overlayProperty().get();
        return overlay == null ? null : overlay.kind();
    }

    @Test
    void asksTheAgentEveryTwoSecondsWithOneQuestionOutAtATime() {
        List<Runnable> work = new ArrayList<>();
        NoticesViewModel slow = new NoticesViewModel(agent, session, ticker, work::add, Runnable::run);
        slow.tick();
        assertEquals(1, work.size(), "the first poll at once");
        assertEquals(Optional.of(NoticesViewModel.POLL), slow.untilNextTick());
        ticker.advance(Duration.ofSeconds(1));
        slow.tick();
        assertEquals(1, work.size(), "not due yet");
        assertEquals(Optional.of(Duration.ofSeconds(1)), slow.untilNextTick());
        ticker.advance(Duration.ofSeconds(5));
        slow.tick();
        assertEquals(1, work.size(), "the last question is still out: not a second one");
        work.remove(0).run();
        assertEquals(1, agent.noticeAsks);
        slow.tick();
        assertEquals(1, work.size(), "its answer came: the next one is asked");
        assertEquals(Optional.of(Duration.ofSeconds(2)), slow.untilNextTick());
    }

    @Test
    void aStaffMessageStaysOverEverythingUntilOkAndTheAgentIsToldOnce() {
        agentSays(new Notices(PcMode.FREE, CLOSING_EARLY, null, null, false, HelpState.NONE, 0, null));
        Overlay overlay = notices.overlayProperty().get();
        assertEquals(Overlay.Kind.MESSAGE, overlay.kind());
        assertEquals(Message.of("notice.message.body", CLOSING_EARLY.text()), overlay.body());
        assertEquals(Message.of("notice.ok"), overlay.confirm());
        assertNull(overlay.decline(), "only OK");
        poll();
        assertEquals(Overlay.Kind.MESSAGE, shown(), "not gone by itself");
        assertTrue(agent.acknowledged.isEmpty());

        notices.confirm();
        assertNull(shown());
        assertEquals(List.of("cmd-41"), agent.acknowledged);
        // the agent still lists it (the OK crossed the poll): not shown again, told again
        poll();
        assertNull(shown());
        assertEquals(List.of("cmd-41", "cmd-41"), agent.acknowledged);
        agentSays(free());
        assertNull(shown());

        ShownMessage next = new ShownMessage("cmd-42", "Компютър 3 ще бъде рестартиран.");
        agentSays(new Notices(PcMode.FREE, next, null, null, false, HelpState.NONE, 0, null));
        assertEquals(
                Message.of("notice.message.body", next.text()),
                notices.overlayProperty().get().body());
    }

    @Test
    void anOkTheAgentDidNotHearIsToldAgainWhileTheAgentListsTheMessage() {
        agentSays(new Notices(PcMode.FREE, CLOSING_EARLY, null, null, false, HelpState.NONE, 0, null));
        agent.reachable = false;
        notices.confirm();
        assertNull(shown(), "read is read, whether or not the agent heard it");
        agent.reachable = true;
        poll();
        assertNull(shown());
        assertEquals(List.of("cmd-41"), agent.acknowledged);
    }

    @Test
    void theClosingWarningComesOnceAtTenAndOnceAtFiveMinutes() {
        agentSays(new Notices(PcMode.FREE, null, 10, null, false, HelpState.NONE, 0, null));
        Overlay overlay = notices.overlayProperty().get();
        assertEquals(Overlay.Kind.CLOSING, overlay.kind());
        assertEquals(Message.of("notice.closing.title", 10), overlay.title());
        assertEquals(Message.of("notice.closing.bodyNoSession"), overlay.body());
        notices.confirm();
        assertNull(shown());
        agentSays(new Notices(PcMode.FREE, null, 9, null, false, HelpState.NONE, 0, null));
        assertNull(shown(), "once at 10");
        assertEquals(9, notices.minutesToClosingProperty().get(), "the lock screen still says it");

        session.startGuest(Demographics.NOT_DECLARED);
        agentSays(new Notices(PcMode.IN_SESSION, null, 5, null, false, HelpState.NONE, 0, 3000L));
        overlay = notices.overlayProperty().get();
        assertEquals(Message.of("notice.closing.title", 5), overlay.title());
        assertEquals(Message.of("notice.closing.body"), overlay.body(), "in a session: save your work");
        notices.confirm();
        agentSays(new Notices(PcMode.IN_SESSION, null, 4, null, false, HelpState.NONE, 0, 3000L));
        assertNull(shown(), "once at 5");

        // the next evening warns again
        agentSays(running(3000));
        assertNull(notices.minutesToClosingProperty().get());
        agentSays(new Notices(PcMode.IN_SESSION, null, 7, null, false, HelpState.NONE, 0, 3000L));
        assertEquals(Overlay.Kind.CLOSING, shown());
    }

    @Test
    void aCallForTheMentorSaysCalledThenThatTheMentorIsComing() {
        assertFalse(notices.helpCalledProperty().get());
        notices.callHelp();
        assertEquals(1, agent.helpCalls);
        assertEquals(HelpState.CALLED, notices.helpProperty().get());
        assertTrue(notices.helpCalledProperty().get(), "the help buttons stay lit");
        assertEquals(
                Message.of("notice.help.called.title"),
                notices.overlayProperty().get().title());
        notices.confirm();
        assertNull(shown());
        agentSays(new Notices(PcMode.FREE, null, null, null, false, HelpState.CALLED, 0, null));
        assertNull(shown(), "told once per change");

        notices.callHelp();
        assertEquals(Overlay.Kind.HELP, shown(), "pressed again: told again that the call is on");
        notices.confirm();

        agentSays(new Notices(PcMode.FREE, null, null, null, false, HelpState.SEEN, 0, null));
        assertEquals(
                Message.of("notice.help.seen.title"),
                notices.overlayProperty().get().title());
        notices.confirm();
        agentSays(free());
        assertFalse(notices.helpCalledProperty().get());
        assertNull(shown());
    }

    @Test
    void aCallThatCannotReachTheAgentSaysSo() {
        agent.reachable = false;
        notices.callHelp();
        Overlay overlay = notices.overlayProperty().get();
        assertEquals(Overlay.Kind.REFUSAL, overlay.kind());
        assertEquals(Message.of("notice.refused.unavailable"), overlay.body());
        assertEquals(HelpState.NONE, notices.helpProperty().get());
    }

    @Test
    void theGraceOfferNearTheEndExtendsTheSessionOnce() {
        session.startGuest(Demographics.NOT_DECLARED);
        ticker.advance(Duration.ofMinutes(56));
        session.tick();
        agentSays(new Notices(PcMode.IN_SESSION, null, null, null, false, HelpState.NONE, 15, 238L));
        Overlay offer = notices.overlayProperty().get();
        assertEquals(Overlay.Kind.GRACE, offer.kind());
        assertEquals(Message.of("notice.grace.take", 15), offer.confirm());
        assertEquals(Message.of("notice.grace.decline"), offer.decline());

        notices.confirm();
        assertTrue(log.events().contains("agent:grace 15"));
        assertNull(shown());
        assertEquals(
                Duration.ofMinutes(19).minus(NoticesViewModel.POLL),
                session.remainingProperty().get(),
                "4 minutes left at the poll before, and 15 more");
        assertNull(session.warningProperty().get(), "the 5-minute warning is behind it");
        agentSays(new Notices(PcMode.IN_SESSION, null, null, null, false, HelpState.NONE, 15, 1140L));
        assertNull(shown(), "once per session, whatever the agent says");
    }

    @Test
    void aDeclinedGraceOfferIsNotMadeAgainButTheNextSessionGetsItsOwn() {
        session.startGuest(Demographics.NOT_DECLARED);
        agentSays(new Notices(PcMode.IN_SESSION, null, null, null, false, HelpState.NONE, 15, 3599L));
        notices.decline();
        assertNull(shown());
        poll();
        assertNull(shown());
        assertFalse(log.events().contains("agent:grace 15"));

        session.endByVisitor();
        agentSays(free());
        assertNull(shown(), "no session, no offer");
        session.startGuest(Demographics.NOT_DECLARED);
        agentSays(new Notices(PcMode.IN_SESSION, null, null, null, false, HelpState.NONE, 15, 3599L));
        assertEquals(Overlay.Kind.GRACE, shown());
    }

    @Test
    void aRefusedGraceSaysWhyInTheVisitorsWords() {
        session.startGuest(Demographics.NOT_DECLARED);
        agentSays(new Notices(PcMode.IN_SESSION, null, null, null, false, HelpState.NONE, 15, 200L));
        agent.refuseGrace = ErrorCodes.NOT_ALLOWED;
        notices.confirm();
        Overlay refusal = notices.overlayProperty().get();
        assertEquals(Overlay.Kind.REFUSAL, refusal.kind());
        assertEquals(Message.of("notice.refused.notAllowed"), refusal.body());
        notices.confirm();
        assertNull(shown(), "and the offer is not made again");
        assertEquals(Message.of("notice.refused.queueWaiting"), NoticesViewModel.refusalText(ErrorCodes.QUEUE_WAITING));
        assertEquals(Message.of("notice.refused.closed"), NoticesViewModel.refusalText(ErrorCodes.CLOSED));
    }

    @Test
    void aStaffMessageComesBeforeEverythingElseAndTheOthersWaitTheirTurn() {
        notices.callHelp();
        agentSays(new Notices(PcMode.FREE, CLOSING_EARLY, 10, null, false, HelpState.CALLED, 0, null));
        assertEquals(Overlay.Kind.MESSAGE, shown());
        notices.confirm();
        assertEquals(Overlay.Kind.CLOSING, shown());
        notices.confirm();
        assertEquals(Overlay.Kind.HELP, shown());
        notices.confirm();
        assertNull(shown());
    }

    @Test
    void aRemoteExtensionShowsAtOnceAndTakesTheWarningItLeftBehind() {
        session.startGuest(Demographics.NOT_DECLARED);
        ticker.advance(Duration.ofMinutes(50));
        session.tick();
        assertEquals(
                SessionWarning.Kind.TIME_LEFT, session.warningProperty().get().kind());

        agentSays(running(Duration.ofMinutes(40).toSeconds()));
        assertEquals(Duration.ofMinutes(40), session.remainingProperty().get());
        assertNull(session.warningProperty().get());
    }

    @Test
    void aSessionStaffEndedIsOverHereAtTheNextPoll() {
        session.startGuest(Demographics.NOT_DECLARED);
        agent.endedByAgent = true;
        agentSays(free());
        assertEquals(SessionViewModel.State.NONE, session.stateProperty().get(), "not at the next heartbeat, 30 s on");
    }

    @Test
    void lockedOrClosedShutsVisitorsOutAndAnAbsentAgentChangesNothingShown() {
        agentSays(new Notices(PcMode.LOCKED, null, null, 7, false, HelpState.NONE, 0, null));
        assertTrue(notices.shutOutProperty().get());
        assertEquals(7, notices.reservedForProperty().get());
        agentSays(new Notices(PcMode.CLOSED, null, null, null, false, HelpState.NONE, 0, null));
        assertTrue(notices.shutOutProperty().get());
        agent.reachable = false;
        poll();
        assertEquals(PcMode.CLOSED, notices.modeProperty().get(), "the last word stands while the agent is away");
        agent.reachable = true;
        agentSays(free());
        assertFalse(notices.shutOutProperty().get());
    }
}
