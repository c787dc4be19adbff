package bg.digiclub.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.kiosk.agentlink.MemberCard;
import bg.digiclub.kiosk.session.SessionViewModel;
import bg.digiclub.kiosk.testing.FakeAgentClient;

/**
 * The kiosk's screens driven like a visitor and a mentor would, on a headless Monocle screen
 * (windowed; see {@link KioskUiFixture}; the lockdown is tested on a real window by
 * {@code kiosk/scripts/escape-test.sh}).
 * The agent, the OS processes and the wipe are fakes (see {@code testing}); the ticker is moved
 * by hand, so an hour-long session runs in well under a second.
 */
@ExtendWith(ApplicationExtension.class)
class KioskUiTest {
    private final KioskUiFixture kiosk = new KioskUiFixture();

    @Start
    void start(Stage ignored) {
        kiosk.start();
    }

    @AfterEach
    void stop(FxRobot robot) throws TimeoutException {
        robot.interact(kiosk.ui::stop);
        FxToolkit.cleanupStages();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    private void passAndTick(FxRobot robot, Duration duration) {
        kiosk.ticker.advance(duration);
        robot.interact(() -> kiosk.ui.kiosk().tick());
    }

    private static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup(query).query().getScene().getWindow().isShowing();
    }

    /** Shown, and so are all its parents (the bar's two rows take turns in one window). */
    private static boolean shownWithParents(FxRobot robot, String query) {
        if (!showing(robot, query)) {
            return false;
        }
        for (Node node = robot.lookup(query).query(); node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void startGuestSession(FxRobot robot) {
        robot.clickOn("#lock-guest");
        robot.clickOn("#guest-accept");
        robot.clickOn("#guest-start");
    }

    @Test
    void lockScreenShowsTheClubInBulgarianThenEnglish(FxRobot robot) {
        assertEquals("Читалище „Родина – 1860“, Стара Загора", text(robot, "#lock-club"));
        assertEquals("Започнете като гост", text(robot, "#lock-guest"));
        assertTrue(kiosk.log.events().contains("ready"));

        robot.clickOn("#lock-lang-en");
        assertEquals("Start as guest", text(robot, "#lock-guest"));
    }

    @Test
    void guestLoginSessionWarningsTimeoutResetAndLockAgain(FxRobot robot) {
        startGuestSession(robot);

        assertFalse(kiosk.stage().isShowing(), "the lock screen steps aside during a session");
        assertEquals("60:00", text(robot, "#bar-countdown"));
        assertEquals(List.of("agent:start GUEST"), kiosk.log.startingWith("agent:start"));

        passAndTick(robot, Duration.ofMinutes(50));
        assertTrue(showing(robot, "#warning"));
        assertEquals("Остават 10 минути", text(robot, "#warning-title"));
        assertEquals("10:00", text(robot, "#bar-countdown"));
        robot.clickOn("#warning-answer");
        assertFalse(showing(robot, "#warning"));

        passAndTick(robot, Duration.ofMinutes(5));
        assertEquals("Остават 5 минути", text(robot, "#warning-title"));
        passAndTick(robot, Duration.ofMinutes(4));
        assertEquals("Остава 1 минута", text(robot, "#warning-title"));

        passAndTick(robot, Duration.ofMinutes(1));

        List<String> events = kiosk.log.events();
        List<String> afterStart = events.subList(events.indexOf("agent:start GUEST"), events.size()).stream()
                .filter(e -> e.startsWith("agent:end"))
                .toList();
        assertEquals(List.of("agent:end TIMEOUT"), afterStart, "the agent ends the programs and resets the home");
        assertEquals(EndReason.TIMEOUT, kiosk.agent.ends.get(0));
        assertTrue(kiosk.stage().isShowing(), "the lock screen is back");
        assertTrue(showing(robot, "#lock-guest"));
        assertFalse(robot.lookup("#lock-guest").query().isDisabled());
        assertFalse(robot.lookup("#session-bar").tryQuery().isPresent(), "the session bar is gone");
        assertFalse(robot.lookup("#warning").tryQuery().isPresent(), "the warning is gone");
    }

    @Test
    void staffExtendsAndEndsTheSession(FxRobot robot) {
        startGuestSession(robot);
        passAndTick(robot, Duration.ofMinutes(30));

        robot.clickOn("#bar-staff");
        robot.clickOn("#staff-pin").write(FakeAgentClient.STAFF_PIN);
        robot.clickOn("#staff-open");
        assertTrue(text(robot, "#staff-session-state").contains("30:00"), text(robot, "#staff-session-state"));
        robot.clickOn("#staff-extend");
        assertEquals(
                Duration.ofMinutes(45), kiosk.ui.session().remainingProperty().get());
        robot.clickOn("#staff-close");

        assertFalse(kiosk.stage().isShowing());
        assertEquals("45:00", text(robot, "#bar-countdown"));

        robot.clickOn("#bar-staff");
        robot.clickOn("#staff-pin").write(FakeAgentClient.STAFF_PIN);
        robot.clickOn("#staff-open");
        robot.clickOn("#staff-end");

        assertEquals(EndReason.STAFF, kiosk.agent.ends.get(0));
        assertFalse(kiosk.ui.session().outOfOrderProperty().get(), "the agent reset the home");
        assertTrue(showing(robot, "#lock-guest"));
    }

    @Test
    void staffPanelShowsHealthInPlainWordsAndTheCards(FxRobot robot) {
        kiosk.agent.cards.add(new MemberCard("100200", false, true, Duration.ofMinutes(20)));
        robot.clickOn("#lock-staff");
        // a collection now: the panel's lists must not depend on wrappers the collector may take
        System.gc();
        robot.clickOn("#staff-pin").write(FakeAgentClient.STAFF_PIN).type(KeyCode.ENTER);

        List<String> texts = robot.lookup(".label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText)
                .toList();
        assertTrue(texts.contains("Общо състояние: внимание"), texts.toString());
        assertTrue(texts.contains("Диск /"), texts.toString());
        assertTrue(texts.contains("Температура на процесора"), texts.toString());
        assertTrue(texts.contains("fan-speed"), "unknown checks are shown by name");
        assertTrue(texts.contains("8 % free"), texts.toString());
        assertTrue(texts.contains("100200"), texts.toString());

        robot.clickOn("#staff-create-card");
        assertEquals(
                "Нова карта: код 555001, ПИН 4811. Запишете ги за посетителя – ПИН-ът се показва само сега.",
                text(robot, "#staff-revealed"));
        robot.clickOn("#staff-close");
        assertTrue(showing(robot, "#lock-guest"));
    }

    @Test
    void visitorEndsTheSessionAfterConfirming(FxRobot robot) {
        startGuestSession(robot);
        robot.clickOn("#bar-end");
        robot.clickOn("#bar-end-no");
        assertTrue(kiosk.agent.ends.isEmpty());
        robot.clickOn("#bar-end");
        robot.clickOn("#bar-end-yes");

        assertEquals(EndReason.LOGOUT, kiosk.agent.ends.get(0));
        assertTrue(showing(robot, "#lock-guest"));
    }

    @Test
    void idleWarningThenIdleEnd(FxRobot robot) {
        startGuestSession(robot);
        kiosk.idle.idle = java.util.Optional.of(Duration.ofMinutes(10));
        passAndTick(robot, Duration.ofMinutes(12));
        assertEquals("Още ли сте тук?", text(robot, "#warning-title"));
        assertEquals("Тук съм", text(robot, "#warning-answer"));

        passAndTick(robot, Duration.ofSeconds(60));
        assertEquals(EndReason.IDLE, kiosk.agent.ends.get(0));
        assertTrue(showing(robot, "#lock-guest"));
    }

    @Test
    void memberLoginSaysWhyItCannotWorkWhenTheAgentIsAway(FxRobot robot) {
        kiosk.agent.reachable = false;
        robot.clickOn("#lock-member");
        robot.clickOn("#member-code").write("100200");
        robot.clickOn("#member-pin").write("2468").type(KeyCode.ENTER);

        assertEquals(
                "Входът с членска карта не е възможен в момента. Моля, започнете като гост или попитайте ментора.",
                text(robot, "#member-problem"));
        robot.type(KeyCode.ESCAPE);
        assertTrue(showing(robot, "#lock-guest"));
    }

    @Test
    void guestChoosesFromTheBandsCutAt15AndNeverFromTheLegacyOnes(FxRobot robot) {
        robot.clickOn("#lock-guest");
        List<String> bands = robot.lookup(".choices").queryAll().stream()
                .flatMap(pane -> ((Parent) pane).getChildrenUnmodifiable().stream())
                .map(Node::getId)
                .filter(id -> id.startsWith("age."))
                .toList();
        assertEquals(
                List.of(
                        "age.AGE_0_14",
                        "age.AGE_15_17",
                        "age.AGE_18_24",
                        "age.AGE_25_29",
                        "age.AGE_30_54",
                        "age.AGE_55_64",
                        "age.AGE_65_74",
                        "age.AGE_75_PLUS",
                        "age.NOT_DECLARED"),
                bands);
        Node teen = robot.lookup(node -> "age.AGE_15_17".equals(node.getId())).query();
        assertEquals("15–17", ((Labeled) teen).getText());
        robot.clickOn(teen);
        robot.clickOn("#guest-accept");
        robot.clickOn("#guest-start");
        assertEquals(AgeBand.AGE_15_17, kiosk.agent.starts.get(0).demographics().ageBand());
    }

    @Test
    void keyboardOnlyGuestLogin(FxRobot robot) {
        // focus starts on "Start as guest"; Enter presses buttons, Space ticks, Enter starts
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.ENTER);
        assertEquals(List.of("agent:start GUEST"), kiosk.log.startingWith("agent:start"));
    }

    @Test
    void launcherStartsAnAllowedApp(FxRobot robot) {
        startGuestSession(robot);
        robot.clickOn("#bar-apps");
        robot.clickOn("#app-browser");
        assertEquals(List.of("launch:browser"), kiosk.log.startingWith("launch:"));
    }

    @Test
    void focusStartsOnNoAndEnterEnterNeverEndsTheSession(FxRobot robot) {
        startGuestSession(robot);
        robot.clickOn("#hint-close");
        robot.clickOn("#bar-end");

        assertTrue(robot.lookup("#bar-end-no").query().isFocused(), "the safe answer has the focus");
        assertTrue(shownWithParents(robot, "#bar-end-yes"));
        robot.type(KeyCode.ENTER);
        assertFalse(shownWithParents(robot, "#bar-end-yes"), "Enter on the focused button means \"No, go on\"");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);

        assertTrue(kiosk.agent.ends.isEmpty(), "Enter, Enter never ends a session");
        assertEquals(
                SessionViewModel.State.RUNNING,
                kiosk.ui.session().stateProperty().get());
    }

    @Test
    void aDoubleClickOnEndSessionDoesNotEndIt(FxRobot robot) {
        startGuestSession(robot);
        robot.clickOn("#hint-close");
        Node end = robot.lookup("#bar-end").query();
        javafx.geometry.Bounds endArea = end.localToScreen(end.getBoundsInLocal());
        robot.clickOn("#bar-end");
        Node yes = robot.lookup("#bar-end-yes").query();

        assertFalse(
                endArea.intersects(yes.localToScreen(yes.getBoundsInLocal())),
                "\"Yes\" never appears under the pointer that pressed \"End session\"");
        robot.doubleClickOn("#bar-end-no");
        assertTrue(kiosk.agent.ends.isEmpty());
    }

    @Test
    void escapeCancelsTheEndOfSessionQuestion(FxRobot robot) {
        startGuestSession(robot);
        robot.clickOn("#bar-end");
        assertTrue(shownWithParents(robot, "#bar-end-yes"));
        robot.type(KeyCode.ESCAPE);

        assertFalse(shownWithParents(robot, "#bar-end-yes"), "Escape means no");
        assertTrue(shownWithParents(robot, "#bar-end"));
        assertTrue(kiosk.agent.ends.isEmpty());
        robot.clickOn("#bar-end");
        robot.clickOn("#bar-end-yes");
        assertEquals(EndReason.LOGOUT, kiosk.agent.ends.get(0));
    }

    @Test
    void theLastMinuteCountsDownInSeconds(FxRobot robot) {
        startGuestSession(robot);
        passAndTick(robot, Duration.ofMinutes(59).plusSeconds(1));

        assertTrue(showing(robot, "#warning"));
        assertEquals("Остават 59 секунди", text(robot, "#warning-title"));
        assertEquals("0:59", text(robot, "#bar-countdown"));

        passAndTick(robot, Duration.ofSeconds(53));
        assertEquals("Остават 6 секунди", text(robot, "#warning-title"), "not \"1 минута\" at 0:06");
        assertEquals("0:06", text(robot, "#bar-countdown"));
    }

    @Test
    void aNewSessionOpensWithAHintThatCanBeClosed(FxRobot robot) {
        startGuestSession(robot);

        assertTrue(showing(robot, "#hint"));
        assertTrue(text(robot, "#hint-apps").contains("„Програми“"));
        assertTrue(text(robot, "#hint-end").contains("„Край на сесията“"));
        robot.clickOn("#hint-close");
        assertFalse(showing(robot, "#hint"), "closed by the visitor");

        robot.clickOn("#bar-end");
        robot.clickOn("#bar-end-yes");
        startGuestSession(robot);
        assertTrue(showing(robot, "#hint"), "the next visitor sees it again");
        robot.clickOn("#bar-apps");
        assertFalse(showing(robot, "#hint"), "gone once the visitor opens the programs");
        robot.clickOn("#app-browser");
        assertEquals(List.of("launch:browser"), kiosk.log.startingWith("launch:"));
    }
}
