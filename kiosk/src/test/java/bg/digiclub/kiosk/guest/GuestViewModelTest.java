package bg.digiclub.kiosk.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.navigation.KioskViewModel;
import bg.digiclub.kiosk.navigation.Screen;
import bg.digiclub.kiosk.session.SessionViewModel;
import bg.digiclub.kiosk.testing.EventLog;
import bg.digiclub.kiosk.testing.FakeAgentClient;
import bg.digiclub.kiosk.testing.FakeTicker;
import bg.digiclub.kiosk.testing.TestSessions;
import bg.digiclub.kiosk.ui.DisplayMode;

class GuestViewModelTest {
    private final EventLog log = new EventLog();
    private final FakeAgentClient agent = new FakeAgentClient(log);
    private final FakeTicker ticker = new FakeTicker();
    private final I18n i18n = new I18n(Language.BG);
    private KioskViewModel kiosk;
    private GuestViewModel guest;

    @BeforeEach
    void setUp() {
        SessionViewModel session = TestSessions.session(List.of(Duration.ofMinutes(10)), agent, ticker);
        kiosk = new KioskViewModel(session, i18n, Language.BG, new DisplayMode(), ticker);
        kiosk.showGuest();
        guest = new GuestViewModel(session, kiosk, language -> language == Language.BG ? "Пазете тишина." : null);
    }

    @Test
    void theSessionCannotStartBeforeTheRulesAreAccepted() {
        assertFalse(guest.canStartProperty().get());
        assertThrows(IllegalStateException.class, guest::start);
    }

    @Test
    void nothingDeclaredIsAFullAnswer() {
        guest.rulesAcceptedProperty().set(true);
        guest.start();

        assertEquals(Screen.SESSION, kiosk.screen());
        assertEquals(Demographics.NOT_DECLARED, agent.starts.get(0).demographics());
    }

    @Test
    void whatWasDeclaredGoesToTheAgentAndTheFormIsClearedForTheNextVisitor() {
        guest.rulesAcceptedProperty().set(true);
        guest.ageBandProperty().set(AgeBand.AGE_55_64);
        guest.sexProperty().set(Sex.MALE);
        guest.start();

        assertEquals(
                new Demographics(AgeBand.AGE_55_64, Sex.MALE),
                agent.starts.get(0).demographics());
        assertFalse(guest.rulesAcceptedProperty().get());
        assertEquals(AgeBand.NOT_DECLARED, guest.ageBandProperty().get());
    }

    @Test
    void rulesComeFromTheClubOrTheBuiltInText() {
        assertEquals("Пазете тишина.", guest.rules(Language.BG));
        assertNull(guest.rules(Language.EN));
    }

    @Test
    void backReturnsToTheLockScreen() {
        guest.rulesAcceptedProperty().set(true);
        guest.back();
        assertEquals(Screen.LOCK, kiosk.screen());
        assertFalse(guest.rulesAcceptedProperty().get());
    }
}
