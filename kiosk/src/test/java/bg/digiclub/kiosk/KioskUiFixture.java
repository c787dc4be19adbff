package bg.digiclub.kiosk;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

import org.testfx.api.FxRobot;

import bg.digiclub.common.link.TileCategory;
import bg.digiclub.kiosk.config.KioskConfig;
import bg.digiclub.kiosk.launcher.AllowedApp;
import bg.digiclub.kiosk.launcher.AppLauncher;
import bg.digiclub.kiosk.testing.EventLog;
import bg.digiclub.kiosk.testing.FakeAgentClient;
import bg.digiclub.kiosk.testing.FakePlatform;
import bg.digiclub.kiosk.testing.FakeTicker;
import bg.digiclub.testsupport.TestClock;

/** The whole kiosk UI on a fresh (windowed) stage, with fakes at the edges and a hand-moved ticker. */
final class KioskUiFixture {
    final EventLog log = new EventLog();
    final FakePlatform.Idle idle = new FakePlatform.Idle();
    final FakeTicker ticker = new FakeTicker();
    final FakeAgentClient agent = new FakeAgentClient(log, ticker);
    final TestClock clock = new TestClock(Instant.parse("2026-02-04T08:30:00Z"), ZoneId.of("Europe/Sofia"));
    final AtomicInteger ids = new AtomicInteger();
    /** Settings on top of the fixture's own (club name), for a test that needs others. */
    final Properties settings = new Properties();
    /** The launcher's tiles, for a test that needs others (EveryScreenFitsTest: the installer's default set). */
    List<AllowedApp> apps =
            List.of(new AllowedApp("browser", "Firefox", null, List.of("firefox"), TileCategory.BROWSING));

    KioskUi ui;

    /** Builds and shows the kiosk; call on the FX thread. */
    KioskUi start() {
        // a fresh stage per test: the lockdown of an earlier test must not hold on to it
        ui = KioskUi.start(new Stage(StageStyle.UNDECORATED), parts());
        return ui;
    }

    /** Builds the kiosk as a standby kiosk does, showing nothing; call on the FX thread. */
    KioskUi standby() {
        ui = KioskUi.build(new Stage(StageStyle.UNDECORATED), parts());
        return ui;
    }

    private KioskParts parts() {
        Properties properties = new Properties();
        properties.setProperty("club.name", "Читалище „Родина – 1860“, Стара Загора");
        properties.putAll(settings);
        KioskConfig config = KioskConfig.parse(properties, "test");
        AppLauncher launcher = new AppLauncher() {
            @Override
            public void launch(AllowedApp app) {
                log.add("launch:" + app.id());
            }

            @Override
            public List<AllowedApp> apps() {
                return apps;
            }
        };
        // windowed: under Monocle a fullscreen switch starts JavaFX's exit-hint animation, and a
        // window hidden while it runs (every session start hides the lock screen) deadlocks the
        // headless renderer. The lockdown itself is proven on a real X window by escape-test.sh.
        return new KioskParts(
                config,
                true,
                agent,
                idle,
                launcher,
                ticker,
                clock,
                Runnable::run,
                Runnable::run,
                () -> log.add("ready"));
    }

    Stage stage() {
        return ui.stage();
    }

    /** The main stage's root style classes (large-text, high-contrast). */
    List<String> rootStyleClasses() {
        return List.copyOf(stage().getScene().getRoot().getStyleClass());
    }

    /** Whether the lock screen's switch {@code query} shows its mode on. */
    static boolean selected(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ToggleButton.class).isSelected();
    }

    /** Starts a guest session from the lock screen as a visitor does: guest, accept the rules, start. */
    static void startGuestSession(FxRobot robot) {
        robot.clickOn("#lock-guest");
        robot.clickOn("#guest-accept");
        robot.clickOn("#guest-start");
    }

    /** Ends the session from its bar as a visitor does: end, yes. */
    static void endSession(FxRobot robot) {
        robot.clickOn("#bar-end");
        robot.clickOn("#bar-end-yes");
    }
}
