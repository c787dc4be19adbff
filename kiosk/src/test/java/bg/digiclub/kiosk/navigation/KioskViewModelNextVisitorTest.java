package bg.digiclub.kiosk.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    private KioskViewModel kiosk;

    @BeforeEach
    void setUp() {
        SessionViewModel session = TestSessions.session(List.of(), new FakeAgentClient(new EventLog()), ticker);
        session.recoverInterrupted();
        kiosk = new KioskViewModel(session, i18n, Language.BG, display, ticker);
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
