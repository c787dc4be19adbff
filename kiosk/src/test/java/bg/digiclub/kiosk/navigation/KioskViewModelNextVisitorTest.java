package bg.digiclub.kiosk.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.session.SessionViewModel;
import bg.digiclub.kiosk.testing.EventLog;
import bg.digiclub.kiosk.testing.FakeAgentClient;
import bg.digiclub.kiosk.testing.FakeTicker;
import bg.digiclub.kiosk.testing.TestSessions;
import bg.digiclub.kiosk.ui.DisplayMode;

/**
 * Whoever comes to the lock screen next meets the club's language and display settings: after a
 * visitor's session, and after staff's maintenance (staff may have switched on high contrast on
 * the lock screen before signing in).
 */
class KioskViewModelNextVisitorTest {
    private final FakeTicker ticker = new FakeTicker();
    private final I18n i18n = new I18n(Language.BG);
    /** The club's defaults: large text on, high contrast off. */
    private final DisplayMode display = new DisplayMode(true, false);

    private final FakeAgentClient agent = new FakeAgentClient(new EventLog());
    private KioskViewModel kiosk;
    private SessionViewModel session;

    @BeforeEach
    void setUp() {
        session = TestSessions.session(List.of(), agent, ticker);
        session.recoverInterrupted();
        kiosk = new KioskViewModel(session, i18n, Language.BG, display, ticker);
    }

    @Test
    void aStartTheAgentRefusedKeepsTheVisitorsLanguageAndTextSizeForTheReason() {
        i18n.use(Language.EN);
        display.toggleLargeText();
        agent.refuseStart = ErrorCodes.QUEUE_WAITING;
        kiosk.showGuest();
        session.startGuest(Demographics.NOT_DECLARED);

        assertEquals(Screen.LOCK, kiosk.screen());
        assertEquals(Language.EN, i18n.language(), "the same visitor reads why, in English");
        assertFalse(display.largeTextProperty().get(), "at the text size they chose");

        agent.refuseStart = null;
        session.startGuest(Demographics.NOT_DECLARED);
        session.endByVisitor();
        assertEquals(Language.BG, i18n.language(), "after a session: the next visitor's defaults");
        assertTrue(display.largeTextProperty().get());
    }

    @Test
    void afterMaintenanceTheLockScreenHasTheClubsSettingsAgain() {
        i18n.use(Language.EN);
        display.toggleLargeText();
        display.toggleHighContrast();

        kiosk.startMaintenance(Duration.ofMinutes(15));
        kiosk.endMaintenance();

        assertEquals(Screen.LOCK, kiosk.screen());
        assertEquals(Language.BG, i18n.language());
        assertTrue(display.largeTextProperty().get(), "the club's large text");
        assertFalse(display.highContrastProperty().get(), "the club's default, off");
    }
}
