package bg.digiclub.kiosk.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.HelpState;
import bg.digiclub.common.link.wire.Notices;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.navigation.KioskViewModel;
import bg.digiclub.kiosk.navigation.Screen;
import bg.digiclub.kiosk.notices.NoticesViewModel;
import bg.digiclub.kiosk.session.SessionViewModel;
import bg.digiclub.kiosk.testing.EventLog;
import bg.digiclub.kiosk.testing.FakeAgentClient;
import bg.digiclub.kiosk.testing.FakePlatform;
import bg.digiclub.kiosk.testing.FakeTicker;
import bg.digiclub.kiosk.testing.TestSessions;
import bg.digiclub.kiosk.ui.DisplayMode;
import bg.digiclub.testsupport.TestClock;

class LockViewModelTest {
    private final EventLog log = new EventLog();
    private final FakeTicker ticker = new FakeTicker();
    private final TestClock clock = new TestClock(Instant.parse("2026-02-04T07:15:42Z"), ZoneId.of("Europe/Sofia"));
    private final I18n i18n = new I18n(Language.BG);
    private final FakeAgentClient agent = new FakeAgentClient(log);
    private SessionViewModel session;
    private KioskViewModel kiosk;
    private LockViewModel lock;
    private NoticesViewModel notices;

    @BeforeEach
    void setUp() {
        session = TestSessions.session(List.of(), agent, ticker);
        kiosk = new KioskViewModel(session, i18n, Language.BG, new DisplayMode(), ticker);
        notices = new NoticesViewModel(agent, session, ticker, Runnable::run, Runnable::run);
        lock = new LockViewModel("Читалище „Родина – 1860“", kiosk, notices, i18n, new DisplayMode(), clock);
    }

    @Test
    void showsTheLocalTimeToTheMinute() {
        assertEquals(
                ZonedDateTime.parse("2026-02-04T09:15+02:00[Europe/Sofia]"),
                lock.nowProperty().get());
        clock.advance(Duration.ofMinutes(3));
        lock.refreshClock();
        assertEquals(18, lock.nowProperty().get().getMinute());
    }

    @Test
    void saysWhenTheClockShowsTheNextMinute() {
        assertEquals(Duration.ofSeconds(18), lock.untilClockChanges(), "09:15:42 shows 09:15 until 09:16:00");
        clock.advance(Duration.ofSeconds(18));
        assertEquals(Duration.ofMinutes(1), lock.untilClockChanges(), "on the minute: a whole minute");
        clock.advance(Duration.ofMillis(59_999));
        assertEquals(Duration.ofMillis(1), lock.untilClockChanges());
    }

    @Test
    void theThreeWaysInLeadToTheirScreens() {
        lock.startAsGuest();
        assertEquals(Screen.GUEST, kiosk.screen());
        kiosk.back();
        lock.memberLogin();
        assertEquals(Screen.MEMBER, kiosk.screen());
        kiosk.back();
        lock.staff();
        assertEquals(Screen.STAFF, kiosk.screen());
    }

    @Test
    void theLanguageReturnsToTheClubDefaultAfterEverySession() {
        lock.useLanguage(Language.EN);
        assertEquals(Language.EN, i18n.language());
        lock.startAsGuest();
        session.startGuest(Demographics.NOT_DECLARED);
        session.endByVisitor();

        assertEquals(Screen.LOCK, kiosk.screen());
        assertEquals(Language.BG, i18n.language());
    }

    @Test
    void displayModesToggleAndStay() {
        lock.toggleLargeText();
        lock.toggleHighContrast();
        assertTrue(lock.displayMode().largeTextProperty().get());
        assertTrue(lock.displayMode().highContrastProperty().get());
        lock.toggleHighContrast();
        assertFalse(lock.displayMode().highContrastProperty().get());
    }

    private void agentSays(Notices next) {
        agent.notices = next;
        ticker.advance(NoticesViewModel.POLL);
        notices.tick();
    }

    @Test
    void aPcStaffTookOutOfServiceLetsOnlyStaffInAndSaysSo() {
        agentSays(new Notices(PcMode.LOCKED, null, null, null, false, HelpState.NONE, 0, null));
        assertTrue(lock.visitorsShutOutProperty().get());
        assertNull(lock.headlineProperty().get(), "no \"choose how to start\"");
        assertEquals(Message.of("lock.state.locked"), lock.stateProperty().get());
        lock.startAsGuest();
        lock.memberLogin();
        assertEquals(Screen.LOCK, kiosk.screen());
        lock.staff();
        assertEquals(Screen.STAFF, kiosk.screen());
        kiosk.back();

        agentSays(new Notices(PcMode.CLOSED, null, null, null, false, HelpState.NONE, 0, null));
        assertEquals(Message.of("lock.state.closed"), lock.stateProperty().get());
        assertTrue(lock.visitorsShutOutProperty().get());

        agentSays(new Notices(PcMode.FREE, null, null, null, false, HelpState.NONE, 0, null));
        assertFalse(lock.visitorsShutOutProperty().get());
        assertEquals(Message.of("lock.welcome"), lock.headlineProperty().get());
        assertNull(lock.stateProperty().get());
        lock.startAsGuest();
        assertEquals(Screen.GUEST, kiosk.screen());
    }

    @Test
    void aPcHeldForAQueueNumberSaysForWhichAndStillLetsThatVisitorIn() {
        agentSays(new Notices(PcMode.FREE, null, null, 7, true, HelpState.NONE, 0, null));
        assertEquals(
                Message.of("lock.reserved.title", 7),
                lock.reservedTitleProperty().get());
        assertTrue(lock.reservedProperty().get(), "in the clock's place");
        assertEquals(
                Message.of("lock.reserved.body", 7), lock.headlineProperty().get());
        assertEquals("Запазен за №7", i18n.format(lock.reservedTitleProperty().get()));
        assertFalse(lock.visitorsShutOutProperty().get(), "number 7 starts the session here");
        agentSays(new Notices(PcMode.FREE, null, 8, null, true, HelpState.NONE, 0, null));
        assertNull(lock.reservedTitleProperty().get());
        assertFalse(lock.reservedProperty().get());
        assertEquals(
                Message.of("lock.closingSoon", 8), lock.closingSoonProperty().get());
        assertEquals(
                "Клубът затваря след 8 минути.",
                i18n.format(lock.closingSoonProperty().get()));
    }

    @Test
    void theHelpButtonOnTheLockScreenCallsTheMentorAndSaysWhenTheMentorIsComing() {
        assertFalse(lock.helpCalledProperty().get());
        lock.callHelp();
        assertEquals(1, agent.helpCalls);
        assertTrue(lock.helpCalledProperty().get(), "the button stays lit");
        assertEquals(Message.of("lock.help.called"), lock.headlineProperty().get());
        agentSays(new Notices(PcMode.LOCKED, null, null, null, false, HelpState.SEEN, 0, null));
        assertEquals(Message.of("lock.help.seen"), lock.headlineProperty().get(), "also on a PC out of service");
        agentSays(new Notices(PcMode.FREE, null, null, null, false, HelpState.NONE, 0, null));
        assertFalse(lock.helpCalledProperty().get());
        assertEquals(Message.of("lock.welcome"), lock.headlineProperty().get());
    }

    @Test
    void aStartTheClubsRulesRefuseSaysWhyOnTheLockScreen() {
        agent.refuseStart = ErrorCodes.QUEUE_WAITING;
        session.startGuest(Demographics.NOT_DECLARED);
        assertEquals(
                Message.of("lock.notice.queueWaiting"), lock.noticeProperty().get());
        agent.refuseStart = ErrorCodes.CLOSED;
        session.startGuest(Demographics.NOT_DECLARED);
        assertEquals(Message.of("lock.notice.closed"), lock.noticeProperty().get());
        agent.refuseStart = ErrorCodes.NOT_ALLOWED;
        session.startGuest(Demographics.NOT_DECLARED);
        assertEquals(Message.of("lock.notice.notAllowed"), lock.noticeProperty().get());
        assertFalse(lock.outOfOrderProperty().get(), "the next visitor may try");
    }

    @Test
    void anOutOfOrderPcLetsOnlyStaffInAndSaysWhy() {
        agent.reachable = false;
        session.recoverInterrupted();
        assertTrue(lock.visitorsShutOutProperty().get());
        assertTrue(lock.outOfOrderProperty().get());
        assertEquals(
                Message.of("lock.notice.unavailable"), lock.noticeProperty().get());
        lock.startAsGuest();
        lock.memberLogin();
        assertEquals(Screen.LOCK, kiosk.screen(), "no visitor gets past the lock screen");
        lock.staff();
        assertEquals(Screen.STAFF, kiosk.screen(), "staff do: they are the ones to fix it");
    }

    @Test
    void theWaysInAreClosedWhileTheComputerIsPrepared() {
        assertFalse(lock.preparingProperty().get());
        SessionViewModel slow = new SessionViewModel(
                session.settings(),
                new FakeAgentClient(log),
                new FakePlatform.Idle(),
                ticker,
                task -> {},
                Runnable::run);
        KioskViewModel preparing = new KioskViewModel(slow, i18n, Language.BG, new DisplayMode(), ticker);
        LockViewModel lockWhilePreparing = new LockViewModel(
                "x",
                preparing,
                new NoticesViewModel(agent, slow, ticker, Runnable::run, Runnable::run),
                i18n,
                new DisplayMode(),
                clock);
        slow.recoverInterrupted();
        assertTrue(lockWhilePreparing.preparingProperty().get());
        lockWhilePreparing.startAsGuest();
        assertEquals(Screen.PREPARING, preparing.screen());
    }
}
