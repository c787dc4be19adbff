package bg.digiclub.kiosk.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.link.Demographics;
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.navigation.KioskViewModel;
import bg.digiclub.kiosk.navigation.Screen;
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

    @BeforeEach
    void setUp() {
        session = TestSessions.session(List.of(), agent, ticker);
        kiosk = new KioskViewModel(session, i18n, Language.BG, new DisplayMode(), ticker);
        lock = new LockViewModel("Читалище „Родина – 1860“", kiosk, i18n, new DisplayMode(), clock);
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
        LockViewModel lockWhilePreparing = new LockViewModel("x", preparing, i18n, new DisplayMode(), clock);
        slow.recoverInterrupted();
        assertTrue(lockWhilePreparing.preparingProperty().get());
        lockWhilePreparing.startAsGuest();
        assertEquals(Screen.PREPARING, preparing.screen());
    }
}
