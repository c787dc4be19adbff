package bg.digiclub.kiosk.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.navigation.KioskViewModel;
import bg.digiclub.kiosk.navigation.Screen;
import bg.digiclub.kiosk.session.SessionViewModel;
import bg.digiclub.kiosk.testing.EventLog;
import bg.digiclub.kiosk.testing.FakeAgentClient;
import bg.digiclub.kiosk.testing.FakeTicker;
import bg.digiclub.kiosk.testing.TestSessions;
import bg.digiclub.kiosk.ui.DisplayMode;

class StaffViewModelTest {
    private final EventLog log = new EventLog();
    private final FakeTicker ticker = new FakeTicker();
    private final FakeAgentClient agent = new FakeAgentClient(log, ticker);
    private SessionViewModel session;
    private KioskViewModel kiosk;
    private StaffViewModel staff;

    @BeforeEach
    void setUp() {
        session = TestSessions.session(List.of(Duration.ofMinutes(10)), agent, ticker);
        kiosk = new KioskViewModel(session, new I18n(Language.BG), Language.BG, new DisplayMode(), ticker);
        staff = new StaffViewModel(
                agent,
                session,
                kiosk,
                Duration.ofMinutes(15),
                Duration.ofMinutes(20),
                Runnable::run,
                Runnable::run,
                ticker);
    }

    private void open() {
        kiosk.showStaff();
        staff.pinProperty().set(FakeAgentClient.STAFF_PIN);
        staff.unlock();
    }

    @Test
    void aWrongPinKeepsThePanelShut() {
        kiosk.showStaff();
        staff.pinProperty().set("0000");
        staff.unlock();

        assertFalse(staff.unlockedProperty().get());
        assertEquals(Message.of("staff.error.wrongPin"), staff.problemProperty().get());
        assertEquals("", staff.pinProperty().get());
        assertThrows(IllegalStateException.class, staff::createCard);
    }

    @Test
    void theRightPinShowsHealthInPlainWords() {
        open();

        assertTrue(staff.unlockedProperty().get());
        assertEquals(HealthStatus.WARN, staff.overallProperty().get());
        I18n bg = new I18n(Language.BG);
        List<String> names =
                staff.health().stream().map(line -> bg.format(line.what())).toList();
        assertEquals(List.of("Диск /", "Температура на процесора", "fan-speed"), names);
        assertEquals("8 % free", bg.format(staff.health().get(0).value()), "no facts: the agent's words as sent");
    }

    @Test
    void anUnreachableAgentIsSaidPlainly() {
        agent.reachable = false;
        open();
        assertEquals(
                Message.of("staff.error.unavailable"), staff.problemProperty().get());
        assertFalse(staff.busyProperty().get());
    }

    @Test
    void extendAndEndTheCurrentSession() {
        session.startGuest(Demographics.NOT_DECLARED);
        ticker.advance(Duration.ofMinutes(50));
        session.tick();
        open();

        staff.extendMinutesProperty().set(15);
        staff.extendSession();
        assertEquals(Duration.ofMinutes(25), session.remainingProperty().get());

        staff.endSession();
        assertEquals(EndReason.STAFF, agent.ends.get(0));
        assertEquals(Screen.LOCK, kiosk.screen());
        assertFalse(staff.unlockedProperty().get());
    }

    @Test
    void aNewCardShowsItsCodeAndPinOnceAndClosingForgetsThem() {
        open();
        staff.createCard();

        assertEquals(
                Message.of("staff.cards.created", "555001", "4811"),
                staff.revealedProperty().get());
        assertEquals(1, staff.cards().size());

        staff.resetPin(staff.cards().get(0));
        assertEquals(
                Message.of("staff.cards.pinReset", "555001", "7777"),
                staff.revealedProperty().get());

        staff.disable(staff.cards().get(0));
        assertTrue(staff.cards().get(0).disabled());

        staff.close();
        assertNull(staff.revealedProperty().get());
        assertTrue(staff.cards().isEmpty());
    }

    @Test
    void maintenanceStepsAsideAndRelocksByItself() {
        open();
        staff.maintenanceMinutesProperty().set(20);
        staff.startMaintenance();
        assertEquals(Screen.MAINTENANCE, kiosk.screen());

        ticker.advance(Duration.ofMinutes(19));
        kiosk.tick();
        assertEquals(Screen.MAINTENANCE, kiosk.screen());
        assertEquals(Duration.ofMinutes(1), kiosk.maintenanceLeftProperty().get());

        ticker.advance(Duration.ofMinutes(1));
        kiosk.tick();
        assertEquals(Screen.LOCK, kiosk.screen());
    }

    @Test
    void staffAtThePcLetOneSessionStartAlthoughPeopleWaitAndThePanelCloses() {
        agent.refuseStart = ErrorCodes.QUEUE_WAITING;
        session.startGuest(Demographics.NOT_DECLARED);
        assertEquals(
                Message.of("lock.notice.queueWaiting"), session.noticeProperty().get());
        agent.refuseStart = null;
        open();
        staff.approveSession();
        assertEquals(1, agent.approvals);
        assertFalse(staff.unlockedProperty().get(), "the panel closes for the visitor");
        assertEquals(Screen.LOCK, kiosk.screen());

        session.startGuest(Demographics.NOT_DECLARED);
        open();
        staff.approveSession();
        assertEquals(1, agent.approvals, "not while a session runs");
        assertEquals(
                Message.of("staff.error.sessionRunning"),
                staff.problemProperty().get());
    }

    @Test
    void noMaintenanceWhileAVisitorWorks() {
        session.startGuest(Demographics.NOT_DECLARED);
        open();
        staff.startMaintenance();
        assertEquals(
                Message.of("staff.error.sessionRunning"),
                staff.problemProperty().get());
        assertEquals(Screen.STAFF, kiosk.screen());
    }

    @Test
    void aLockedStaffLoginSaysForHowManyMinutesNotThatTheAgentIsAway() {
        agent.staffLockedFor = Duration.ofMinutes(7).plusSeconds(30);
        open();

        assertFalse(staff.unlockedProperty().get());
        assertEquals(
                Message.of("staff.error.locked", 8L), staff.problemProperty().get());
        assertEquals(
                "Входът на персонала е заключен след много грешни ПИН-ове. Опитайте отново след 8 минути. "
                        + "Ако не може да чака, техническият администратор може да го отключи с "
                        + "„digiclub-agent staff-pin --unlock“ (като root на този компютър).",
                new I18n(Language.BG).format(staff.problemProperty().get()));
        agent.staffLockedFor = Duration.ofSeconds(20);
        open();
        assertEquals(
                "Staff login is locked after too many wrong PINs. Try again in 1 minute. If it cannot wait, "
                        + "the technical administrator can unlock it with \"digiclub-agent staff-pin --unlock\" "
                        + "(as root on this computer).",
                new I18n(Language.EN).format(staff.problemProperty().get()));
    }

    @Test
    void aPanelLeftOpenWhenTheSessionRanOutAsksForThePinAgainOnTheLockScreen() {
        session.startGuest(Demographics.NOT_DECLARED);
        open();
        assertTrue(staff.unlockedProperty().get());
        assertEquals(Screen.STAFF, kiosk.screen());

        ticker.advance(Duration.ofMinutes(60));
        session.tick();
        assertEquals(Screen.LOCK, kiosk.screen());
        assertFalse(staff.unlockedProperty().get(), "relocked when the session ended");
        assertEquals(1, agent.staffLogouts, "and the staff login ended at the agent");

        kiosk.showStaff(); // "Персонал" on the lock screen
        assertEquals(Screen.STAFF, kiosk.screen());
        assertFalse(staff.unlockedProperty().get());
        assertThrows(IllegalStateException.class, staff::createCard);
        assertTrue(staff.cards().isEmpty());
    }

    @Test
    void leavingThePanelWithEscapeRelocksItToo() {
        session.startGuest(Demographics.NOT_DECLARED);
        open();
        kiosk.back(); // Escape: the kiosk goes back to the session without the panel's own close
        assertEquals(Screen.SESSION, kiosk.screen());
        assertFalse(staff.unlockedProperty().get());
        assertEquals(1, agent.staffLogouts);

        session.endByVisitor();
        kiosk.showStaff();
        assertFalse(staff.unlockedProperty().get(), "the lock screen's staff button asks for the PIN");
    }

    @Test
    void twoMinutesWithoutInputRelockAndGoBack() {
        open();
        ticker.advance(Duration.ofSeconds(119));
        staff.tick();
        assertTrue(staff.unlockedProperty().get());
        staff.touched();
        ticker.advance(Duration.ofSeconds(119));
        staff.tick();
        assertTrue(staff.unlockedProperty().get(), "input counts from the last key or click");
        ticker.advance(Duration.ofSeconds(1));
        staff.tick();
        assertFalse(staff.unlockedProperty().get());
        assertEquals(Screen.LOCK, kiosk.screen());
        assertEquals(1, agent.staffLogouts);
        assertFalse(agent.staffLoggedIn);
    }

    @Test
    void staffAtWorkKeepTheAgentsLoginAliveWithoutAskingForThePinAgain() {
        open();
        int asked = agent.staffRequests;
        for (int i = 0; i < 10; i++) { // ten minutes of reading and typing, nothing sent by staff
            ticker.advance(Duration.ofSeconds(30));
            staff.touched();
            staff.tick();
        }
        assertTrue(staff.unlockedProperty().get());
        assertEquals(asked + 5, agent.staffRequests, "the card list once a minute");

        ticker.advance(Duration.ofSeconds(90)); // staff walked away: nothing is kept alive
        staff.tick();
        assertEquals(asked + 5, agent.staffRequests);
        ticker.advance(Duration.ofSeconds(30));
        staff.tick();
        assertFalse(staff.unlockedProperty().get());
    }

    @Test
    void anUntouchedPinPromptGoesBackToTheSessionAfterTwoMinutes() {
        session.startGuest(Demographics.NOT_DECLARED);
        kiosk.showStaff();
        ticker.advance(Duration.ofMinutes(2));
        staff.tick();
        assertEquals(Screen.SESSION, kiosk.screen());
        assertEquals(0, agent.staffLogouts, "nobody was logged in");
    }

    @Test
    void closingThePanelEndsTheStaffLoginAtTheAgent() {
        open();
        assertTrue(agent.staffLoggedIn);
        staff.close();
        assertFalse(agent.staffLoggedIn);
        assertEquals(1, agent.staffLogouts);
        assertEquals(Screen.LOCK, kiosk.screen());
    }

    @Test
    void aStaffLoginTheAgentForgotAsksForThePinAgain() {
        open();
        agent.expireStaffLogin();
        staff.createCard();
        assertFalse(staff.unlockedProperty().get());
        assertEquals(
                Message.of("staff.error.loginAgain"), staff.problemProperty().get());
        assertEquals(Screen.STAFF, kiosk.screen());
    }

    @Test
    void aPinAcceptedAfterTheScreenMovedOnOpensNothing() {
        List<Runnable> queued = new ArrayList<>();
        StaffViewModel slow = new StaffViewModel(
                agent,
                session,
                kiosk,
                Duration.ofMinutes(15),
                Duration.ofMinutes(20),
                queued::add,
                Runnable::run,
                ticker);
        kiosk.showStaff();
        slow.pinProperty().set(FakeAgentClient.STAFF_PIN);
        slow.unlock();
        session.startGuest(Demographics.NOT_DECLARED); // the screen moves on while the agent checks the PIN
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
        assertFalse(slow.unlockedProperty().get());
        assertFalse(agent.staffLoggedIn, "the login the agent gave was ended at once");
    }

    @Test
    void checkNamesAreTranslatedAndUnknownOnesShownRaw() {
        assertEquals(Message.of("staff.check.disk", "/home"), HealthLine.name("disk:/home"));
        assertEquals(Message.of("staff.check.memory"), HealthLine.name("memory"));
        assertEquals(Message.of("staff.check.uptime"), HealthLine.name("uptime"));
        assertEquals(Message.of("staff.check.batteryHealth"), HealthLine.name("battery-health"));
        assertEquals("ПИН на персонала (грешни опити)", new I18n(Language.BG).format(HealthLine.name("staff-pin")));
        assertEquals(Message.of("staff.check.raw", "gpu-temperature"), HealthLine.name("gpu-temperature"));
        assertEquals("gpu-temperature", new I18n(Language.EN).format(HealthLine.name("gpu-temperature")));
    }

    @Test
    void uptimeGoesOnCountingWithoutRefresh() {
        Instant now = Instant.parse("2026-02-04T09:00:00Z");
        agent.healthAnswer = new HealthReport(
                HealthStatus.OK,
                now,
                List.of(
                        new CheckReport("memory", HealthStatus.OK, "36 % used", now, Map.of("percent", 36.0)),
                        new CheckReport(
                                "uptime",
                                HealthStatus.OK,
                                "12 minutes since restart",
                                now,
                                Map.of("seconds", 12 * 60.0))));
        open();
        I18n bg = new I18n(Language.BG);
        assertEquals("12 минути", bg.format(staff.health().get(1).value()));

        ticker.advance(Duration.ofSeconds(61));
        staff.touched();
        staff.tick();

        assertEquals("13 минути", bg.format(staff.health().get(1).value()), "counted on by the panel");
        assertEquals("36 % заети", bg.format(staff.health().get(0).value()));
    }
}
