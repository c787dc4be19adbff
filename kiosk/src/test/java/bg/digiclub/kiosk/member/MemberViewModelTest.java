package bg.digiclub.kiosk.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.kiosk.agentlink.MemberLogin;
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

class MemberViewModelTest {
    private final EventLog log = new EventLog();
    private final FakeAgentClient agent = new FakeAgentClient(log);
    private final FakeTicker ticker = new FakeTicker();
    private SessionViewModel session;
    private KioskViewModel kiosk;
    private MemberViewModel member;

    @BeforeEach
    void setUp() {
        session = TestSessions.session(List.of(Duration.ofMinutes(10)), agent, ticker);
        kiosk = new KioskViewModel(session, new I18n(Language.BG), Language.BG, new DisplayMode(), ticker);
        kiosk.showMember();
        member = new MemberViewModel(agent, session, kiosk, Runnable::run, Runnable::run);
    }

    private void answer(MemberLogin.Outcome outcome, Duration lockedFor) {
        agent.nextLogin = new MemberLogin(outcome, Duration.ZERO, lockedFor, null);
    }

    private void logIn(String code, String pin) {
        member.cardCodeProperty().set(code);
        member.pinProperty().set(pin);
        member.logIn();
    }

    @Test
    void rightPinStartsAMemberSessionForTheAllowedTime() {
        agent.nextLogin = new MemberLogin(
                MemberLogin.Outcome.OK,
                Duration.ofMinutes(45),
                Duration.ZERO,
                new Demographics(AgeBand.AGE_65_74, Sex.FEMALE));
        logIn(" 100200 ", "2468");

        assertEquals(Screen.SESSION, kiosk.screen());
        assertEquals(VisitorKind.MEMBER, agent.starts.get(0).kind());
        assertEquals("100200", agent.starts.get(0).cardCode());
        assertEquals(Duration.ofMinutes(45), agent.starts.get(0).allowed());
        assertEquals(AgeBand.AGE_65_74, agent.starts.get(0).demographics().ageBand());
    }

    @Test
    void thePinIsClearedFromTheFormAndTheArrayAfterTheCall() {
        agent.nextLogin = new MemberLogin(MemberLogin.Outcome.WRONG_PIN, Duration.ZERO, Duration.ZERO, null);
        logIn("100200", "2468");

        assertEquals("", member.pinProperty().get());
        assertEquals("\0\0\0\0", new String(agent.lastPinSeen));
    }

    @Test
    void eachRefusalSaysWhy() {
        answer(MemberLogin.Outcome.WRONG_PIN, Duration.ZERO);
        logIn("100200", "1111");
        assertEquals(
                Message.of("member.error.wrongCodeOrPin"),
                member.problemProperty().get());

        answer(MemberLogin.Outcome.LOCKED, Duration.ofSeconds(4 * 60 + 10));
        logIn("100200", "1111");
        assertEquals(
                Message.of("member.error.locked", 5L), member.problemProperty().get());

        answer(MemberLogin.Outcome.DISABLED, Duration.ZERO);
        logIn("100200", "1111");
        assertEquals(
                Message.of("member.error.disabled"), member.problemProperty().get());

        answer(MemberLogin.Outcome.NO_TIME_LEFT_TODAY, Duration.ZERO);
        logIn("100200", "1111");
        assertEquals(
                Message.of("member.error.noTimeLeft"), member.problemProperty().get());

        assertEquals(Screen.MEMBER, kiosk.screen());
        assertTrue(agent.starts.isEmpty());
    }

    @Test
    void anUnreachableAgentSaysMemberLoginIsNotAvailableNow() {
        agent.reachable = false;
        logIn("100200", "2468");

        assertEquals(
                Message.of("member.error.unavailable"), member.problemProperty().get());
        assertEquals(false, member.busyProperty().get());
        assertEquals(
                "Входът с членска карта не е възможен в момента. Моля, започнете като гост или попитайте ментора.",
                new I18n(Language.BG).format(member.problemProperty().get()));
    }

    @Test
    void emptyFieldsAreNotSentToTheAgent() {
        logIn("", "1234");
        assertEquals(
                Message.of("member.error.missing"), member.problemProperty().get());
        assertTrue(log.events().isEmpty());
    }

    @Test
    void aFirstLoginAsksForTheDeclarationOnceThenStarts() {
        agent.nextLogin = new MemberLogin(MemberLogin.Outcome.OK, Duration.ofMinutes(30), Duration.ZERO, null);
        logIn("100200", "2468");
        assertEquals(MemberViewModel.Step.DECLARE, member.stepProperty().get());
        assertEquals(Screen.MEMBER, kiosk.screen());

        member.ageBandProperty().set(AgeBand.AGE_75_PLUS);
        member.declareAndStart();

        Demographics expected = new Demographics(AgeBand.AGE_75_PLUS, Sex.NOT_DECLARED);
        assertEquals(expected, agent.declared);
        assertEquals(expected, agent.starts.get(0).demographics());
        assertEquals(Screen.SESSION, kiosk.screen());
        assertEquals(MemberViewModel.Step.CREDENTIALS, member.stepProperty().get());
        assertEquals("", member.cardCodeProperty().get());
    }

    @Test
    void backClearsTheFormAndReturnsToTheLockScreen() {
        member.cardCodeProperty().set("100200");
        member.back();
        assertEquals("", member.cardCodeProperty().get());
        assertNull(member.problemProperty().get());
        assertEquals(Screen.LOCK, kiosk.screen());
    }
}
