package bg.digiclub.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.HelpState;
import bg.digiclub.common.link.wire.Notices;
import bg.digiclub.common.link.wire.ShownMessage;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.kiosk.agentlink.MemberCard;
import bg.digiclub.kiosk.agentlink.MemberLogin;
import bg.digiclub.kiosk.config.KioskConfig;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.launcher.AllowedApps;
import bg.digiclub.kiosk.navigation.Screen;
import bg.digiclub.kiosk.notices.NoticesViewModel;
import bg.digiclub.kiosk.testing.FakeAgentClient;
import bg.digiclub.kiosk.ui.ScreenPicture;
import bg.digiclub.kiosk.ui.TextFit;

/**
 * The truncation check: every screen a visitor, a member or a mentor meets, in Bulgarian and
 * English, in normal, large-text and high-contrast modes, on a 1280x800 screen (Monocle's
 * headless screen; the main window 1280x740, see walk), must show every visible text whole —
 * nothing cut with "…", nothing drawn outside its control or the window, no text field narrower
 * than its text, no form that needs scrolling to reach a choice. The
 * failure names the screen, the mode and the node. A picture of every screen goes to
 * {@code target/screens/}; the documentation's pictures (the Bulgarian normal and large-text ones, the
 * English ones of the guest form and the member's first login, and the launcher's with the
 * installer's default tiles in both languages and all three modes) go
 * to {@code target/screenshots/} under their names in {@code docs/screenshots/}, where
 * {@code scripts/refresh-screenshots.sh} copies them. A test never writes into the docs.
 */
@ExtendWith(ApplicationExtension.class)
class EveryScreenFitsTest {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final Path PICTURES = Path.of("target", "screens");
    /** The documentation's pictures, for scripts/refresh-screenshots.sh to copy to docs/screenshots/. */
    private static final Path DOC_PICTURES = Path.of("target", "screenshots");
    /**
     * The screens whose English pictures the docs show as well: the two forms a visitor fills in
     * with the report's age and sex bands, so a reader sees both languages' labels.
     */
    private static final Set<String> ENGLISH_DOC_SCREENS = Set.of("guest-form", "member-first-login");
    /** The launcher shows the installer's default tiles: what a club PC shows when first set up. */
    private static final Path DEFAULT_TILES =
            Path.of("../installer/src/main/resources/payload/linux/etc/digiclub/kiosk.properties");

    private enum Mode {
        NORMAL,
        LARGE_TEXT,
        HIGH_CONTRAST
    }

    private static final Notices FREE = new Notices(PcMode.FREE, null, null, null, false, HelpState.NONE, 0, null);
    private static final Notices IN_SESSION =
            new Notices(PcMode.IN_SESSION, null, null, null, false, HelpState.NONE, 0, null);
    /** A mentor's message as long as the club page lets one be (a few sentences). */
    private static final ShownMessage MESSAGE = new ShownMessage(
            "cmd-17",
            "Днес клубът затваря по-рано, в 17:00, заради събрание на читалището. Моля, запазете работата си"
                    + " навреме. Today the club closes early, at 5 pm.");

    /**
     * The staff panel's health as today's agent reports it: English words for the CLI beside the
     * facts the kiosk puts in the visitor's language (the fake's default is an agent older than
     * facts, whose English words the panel shows as sent: not what a club PC shows today).
     */
    private static final HealthReport TODAYS_HEALTH = todaysHealth();

    private static final String NO_CARET = "-fx-display-caret: false;";

    private final List<String> problems = new ArrayList<>();
    /** How often a window over the session bar was really compared with it: the check must not pass unseen. */
    private int barCoverChecks;
    /** How often the launcher's default tiles were really measured. */
    private int tileChecks;

    private KioskUiFixture kiosk;
    private Language language;
    private Mode mode;

    @Start
    void start(Stage ignored) {
        // every language and mode gets its own kiosk, made in the test
    }

    @AfterEach
    void stop(FxRobot robot) throws TimeoutException {
        if (kiosk != null && kiosk.ui != null) {
            robot.interact(kiosk.ui::stop);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void everyTextOnEveryScreenIsShownWhole(FxRobot robot) throws TimeoutException {
        for (Language lang : Language.values()) {
            for (Mode m : Mode.values()) {
                walk(robot, lang, m);
            }
        }
        assertTrue(
                problems.isEmpty(),
                problems.size() + " texts do not fit or are covered:\n" + String.join("\n", problems));
        assertTrue(barCoverChecks > 0, "no window over the session bar was ever compared with it");
        assertTrue(tileChecks > 0, "the launcher's default tiles were never measured");
    }

    private void walk(FxRobot robot, Language lang, Mode m) throws TimeoutException {
        if (kiosk != null) {
            robot.interact(kiosk.ui::stop);
            FxToolkit.cleanupStages();
        }
        language = lang;
        mode = m;
        kiosk = new KioskUiFixture();
        kiosk.apps = AllowedApps.parse(KioskConfig.load(DEFAULT_TILES).launcherSection(), DEFAULT_TILES, "linux");
        // a 2-minute warning as well as the defaults: its sentence is the longest of them
        kiosk.settings.setProperty("warning.remaining-minutes", "10,5,2,1");
        kiosk.agent.cards.add(new MemberCard("100200", false, true, Duration.ofMinutes(20)));
        kiosk.agent.cards.add(new MemberCard("100150", true, false, Duration.ZERO));
        kiosk.agent.healthAnswer = TODAYS_HEALTH;
        robot.interact(() -> {
            kiosk.standby();
            // in the top-left corner, placed before it shows (moving a shown window upsets the
            // headless renderer); the fixture's windowed kiosk is then 1280x740 (the demo window
            // leaves room for a title bar), so every screen fits 60 px less than fullscreen has
            kiosk.stage().setX(0);
            kiosk.stage().setY(0);
            kiosk.ui.activate();
        });
        chooseLanguageAndMode(robot);
        check(robot, "lock");

        // the agent's notices on the lock screen: held for a queue number, the mentor called,
        // out of service, the club closed, a start refused because people wait
        agentSays(robot, new Notices(PcMode.FREE, null, null, 7, true, HelpState.NONE, 0, null));
        check(robot, "lock-reserved");
        press(robot, "#lock-help");
        agent().notices = new Notices(PcMode.FREE, null, null, null, false, HelpState.CALLED, 0, null);
        check(robot, "help-called-lock");
        press(robot, "#notice-confirm");
        poll(robot);
        check(robot, "lock-help");
        agentSays(robot, new Notices(PcMode.LOCKED, null, null, null, false, HelpState.NONE, 0, null));
        check(robot, "lock-locked");
        agentSays(robot, new Notices(PcMode.CLOSED, null, null, null, false, HelpState.NONE, 0, null));
        check(robot, "lock-closed");
        agentSays(robot, new Notices(PcMode.FREE, null, null, null, true, HelpState.NONE, 0, null));
        agent().refuseStart = ErrorCodes.QUEUE_WAITING;
        press(robot, "#lock-guest");
        press(robot, "#guest-accept");
        press(robot, "#guest-start");
        check(robot, "lock-queue-waiting");
        agent().refuseStart = null;
        agentSays(robot, FREE);

        press(robot, "#lock-guest");
        check(robot, "guest-form");
        press(robot, "#guest-back");

        press(robot, "#lock-member");
        kiosk.agent.nextLogin = new MemberLogin(MemberLogin.Outcome.WRONG_PIN, Duration.ZERO, Duration.ZERO, null);
        type(robot, "#member-code", "100200");
        type(robot, "#member-pin", "1111");
        press(robot, "#member-login");
        check(robot, "member-login");
        kiosk.agent.nextLogin = new MemberLogin(MemberLogin.Outcome.OK, Duration.ofMinutes(45), Duration.ZERO, null);
        type(robot, "#member-pin", "2468");
        press(robot, "#member-login");
        check(robot, "member-first-login");
        robot.interact(() -> kiosk.ui.kiosk().back());

        press(robot, "#lock-staff");
        check(robot, "staff-pin");
        type(robot, "#staff-pin", FakeAgentClient.STAFF_PIN);
        press(robot, "#staff-open");
        press(robot, "#staff-create-card");
        check(robot, "staff-panel");
        press(robot, "#staff-maintenance");
        check(robot, "maintenance-bar");
        press(robot, "#maintenance-lock");

        chooseLanguageAndMode(robot);
        press(robot, "#lock-guest");
        press(robot, "#guest-accept");
        press(robot, "#guest-start");
        check(robot, "session-bar");
        // over the session: a message from the mentor, the help call and its answer, the closing warning
        agentSays(robot, new Notices(PcMode.IN_SESSION, MESSAGE, null, null, false, HelpState.NONE, 0, null));
        check(robot, "message-over-session");
        press(robot, "#notice-confirm");
        agent().notices = new Notices(PcMode.IN_SESSION, null, null, null, false, HelpState.CALLED, 0, null);
        press(robot, "#bar-help");
        check(robot, "help-called");
        press(robot, "#notice-confirm");
        agentSays(robot, new Notices(PcMode.IN_SESSION, null, null, null, false, HelpState.SEEN, 0, null));
        check(robot, "help-seen");
        press(robot, "#notice-confirm");
        agentSays(robot, new Notices(PcMode.IN_SESSION, null, 10, null, false, HelpState.NONE, 0, null));
        check(robot, "closing-warning");
        press(robot, "#notice-confirm");
        agentSays(robot, IN_SESSION);
        press(robot, "#bar-apps");
        check(robot, "launcher");
        press(robot, "#apps-close");
        press(robot, "#bar-end");
        check(robot, "end-confirm");
        press(robot, "#bar-end-no");

        kiosk.idle.idle = Optional.of(Duration.ofMinutes(10));
        pass(robot, Duration.ofMinutes(10).plusSeconds(41));
        check(robot, "warning-idle");
        kiosk.idle.idle = Optional.empty();
        press(robot, "#warning-answer");
        pass(robot, Duration.ofMinutes(50).minus(Duration.ofMinutes(10).plusSeconds(41)));
        check(robot, "warning-10min");
        press(robot, "#warning-answer");
        pass(robot, Duration.ofMinutes(8));
        check(robot, "warning-2min");
        press(robot, "#warning-answer");
        pass(robot, Duration.ofMinutes(1));
        check(robot, "warning-1min");
        press(robot, "#warning-answer");
        // nobody waits: the last minute offers more time; the club's rules refuse it this once
        agentSays(robot, new Notices(PcMode.IN_SESSION, null, null, null, false, HelpState.NONE, 15, null));
        check(robot, "grace-offer");
        agent().refuseGrace = ErrorCodes.NOT_ALLOWED;
        press(robot, "#notice-confirm");
        check(robot, "grace-refused");
        press(robot, "#notice-confirm");
        agent().refuseGrace = null;
        agentSays(robot, IN_SESSION);

        // the agent's reset fails: the PC is out of order, only staff may go in
        kiosk.agent.resetFails = true;
        kiosk.agent.outOfOrder = true;
        pass(robot, Duration.ofMinutes(1));
        chooseLanguageAndMode(robot);
        assertTrue(kiosk.ui.session().outOfOrderProperty().get(), "out of order after a failed reset");
        check(robot, "out-of-order");
    }

    private static HealthReport todaysHealth() {
        Instant now = Instant.parse("2026-02-04T09:00:00Z");
        double gib = 1024.0 * 1024 * 1024;
        return new HealthReport(
                HealthStatus.WARN,
                now,
                List.of(
                        new CheckReport(
                                "disk:/",
                                HealthStatus.WARN,
                                "8 % free (19.7 GB of 237 GB)",
                                now,
                                Map.of("freePercent", 8.3, "freeBytes", 19.7 * gib, "totalBytes", 237.0 * gib)),
                        new CheckReport("cpu-temperature", HealthStatus.OK, "51 °C", now, Map.of("celsius", 51.0)),
                        new CheckReport("fan:1", HealthStatus.OK, "1,200 rpm", now, Map.of("rpm", 1200.0))));
    }

    /**
     * A warning, a notice or the launcher is centred on the screen but never covers the session
     * bar: the bar's countdown and "End session" stay in sight while the visitor reads it or
     * chooses a tile (the first-session hint may be covered: it is only a hint).
     */
    private void sessionBarUncovered(String where) {
        Optional<Window> bar = showingWindow("session-bar");
        if (bar.isEmpty()) {
            return;
        }
        for (String over : List.of("warning", "notice", "apps-menu")) {
            Optional<Window> shown = showingWindow(over);
            if (shown.isEmpty()) {
                continue;
            }
            barCoverChecks++;
            Window window = shown.get();
            if (window.getY() + window.getHeight() > bar.get().getY()
                    && window.getX() < bar.get().getX() + bar.get().getWidth()
                    && window.getX() + window.getWidth() > bar.get().getX()) {
                problems.add(where + " the " + over + " window (bottom at " + (window.getY() + window.getHeight())
                        + ") covers the session bar (top at " + bar.get().getY() + ")");
            }
        }
    }

    /**
     * The launcher's list scrolls by design (ui.TextFit lets it) for a club with many tiles, but
     * the installer's default tiles are all in sight without scrolling: the window may be no
     * taller than the room above the session bar, so making it fit must not hide a row.
     */
    private void defaultTilesInSight(String where) {
        showingWindow("apps-menu").ifPresent(window -> {
            tileChecks++;
            ScrollPane tiles = (ScrollPane) window.getScene().getRoot().lookup(".may-scroll");
            double content = tiles.getContent().getLayoutBounds().getHeight();
            double viewport = tiles.getViewportBounds().getHeight();
            if (viewport < content - 0.5) {
                problems.add(
                        where + " the launcher's default tiles scroll: " + viewport + " px in sight of " + content);
            }
        });
    }

    /**
     * A text field's caret blinks on real time: drawn in one run's picture and not in the next. The
     * pictures leave it out (the focus ring shows where typing goes).
     */
    private static void hideCarets() {
        for (Window window : Window.getWindows()) {
            if (window.isShowing() && window.getScene() != null) {
                for (Node field : window.getScene().getRoot().lookupAll(".text-input")) {
                    if (!field.getStyle().contains(NO_CARET)) {
                        field.setStyle(field.getStyle() + NO_CARET);
                    }
                }
            }
        }
    }

    private static Optional<Window> showingWindow(String rootId) {
        return Window.getWindows().stream()
                .filter(window -> window.isShowing()
                        && window.getScene() != null
                        && rootId.equals(window.getScene().getRoot().getId()))
                .findFirst();
    }

    private FakeAgentClient agent() {
        return kiosk.agent;
    }

    /** The agent's notices change; the kiosk hears them at its next poll. */
    private void agentSays(FxRobot robot, Notices notices) {
        agent().notices = notices;
        poll(robot);
    }

    private void poll(FxRobot robot) {
        kiosk.ticker.advance(NoticesViewModel.POLL);
        robot.interact(() -> kiosk.ui.notices().tick());
    }

    /** The visitor's own choices on the lock screen (a new visitor starts from the club's defaults). */
    private void chooseLanguageAndMode(FxRobot robot) {
        assertEquals(Screen.LOCK, kiosk.ui.kiosk().screen());
        press(robot, language == Language.BG ? "#lock-lang-bg" : "#lock-lang-en");
        switchTo(robot, "#lock-large-text", mode == Mode.LARGE_TEXT);
        switchTo(robot, "#lock-high-contrast", mode == Mode.HIGH_CONTRAST);
    }

    private static void switchTo(FxRobot robot, String query, boolean on) {
        if (robot.lookup(query).queryAs(ToggleButton.class).isSelected() != on) {
            press(robot, query);
        }
    }

    private void pass(FxRobot robot, Duration duration) {
        kiosk.ticker.advance(duration);
        robot.interact(() -> kiosk.ui.kiosk().tick());
    }

    private static void press(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> ((ButtonBase) node).fire());
    }

    private static void type(FxRobot robot, String query, String text) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> ((TextInputControl) node).setText(text));
    }

    private void check(FxRobot robot, String screen) {
        WaitForAsyncUtils.waitForFxEvents();
        String where = screen + " [" + language.name().toLowerCase(java.util.Locale.ROOT) + ", "
                + mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "]";
        robot.interact(() -> {
            // the kiosk's alarm rings on real time and reads the hand-moved ticker: ring it here, or
            // the bar's countdown in the picture (60:00 or 59:58) depends on how fast the machine is
            kiosk.ui.kiosk().tick();
            sessionBarUncovered(where);
            defaultTilesInSight(where);
            for (Window window : List.copyOf(Window.getWindows())) {
                if (window.isShowing()
                        && (window.getX() < 0
                                || window.getY() < 0
                                || window.getX() + window.getWidth() > WIDTH
                                || window.getY() + window.getHeight() > HEIGHT)) {
                    problems.add(where + " a window reaches beyond the " + WIDTH + "x" + HEIGHT + " screen: "
                            + window.getX() + "," + window.getY() + " " + window.getWidth() + "x" + window.getHeight());
                }
                if (window.isShowing() && window.getScene() != null) {
                    for (TextFit.Problem problem : TextFit.problems(window.getScene())) {
                        problems.add(where + " " + problem);
                    }
                }
            }
            hideCarets();
            String name = "kiosk-" + screen + "-" + language.name().toLowerCase(java.util.Locale.ROOT) + "-"
                    + mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".png";
            ScreenPicture.write(PICTURES.resolve(name), WIDTH, HEIGHT);
            if (screen.equals("launcher")) {
                // the launcher in every language and mode: kiosk-launcher-bg-large-text.png, ...
                ScreenPicture.write(DOC_PICTURES.resolve(name), WIDTH, HEIGHT);
            } else if (mode != Mode.HIGH_CONTRAST
                    && (language == Language.BG || ENGLISH_DOC_SCREENS.contains(screen))) {
                // kiosk-guest-form.png, kiosk-guest-form-large.png, kiosk-guest-form-en-large.png, ...
                String suffix = (language == Language.BG ? "" : "-en") + (mode == Mode.LARGE_TEXT ? "-large" : "");
                ScreenPicture.write(DOC_PICTURES.resolve("kiosk-" + screen + suffix + ".png"), WIDTH, HEIGHT);
            }
        });
    }
}
