package bg.digiclub.kiosk.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.navigation.KioskViewModel;
import bg.digiclub.kiosk.notices.NoticesViewModel;
import bg.digiclub.kiosk.session.SessionViewModel;
import bg.digiclub.kiosk.testing.EventLog;
import bg.digiclub.kiosk.testing.FakeAgentClient;
import bg.digiclub.kiosk.testing.FakeTicker;
import bg.digiclub.kiosk.testing.TestSessions;
import bg.digiclub.kiosk.ui.DisplayMode;
import bg.digiclub.kiosk.ui.Theme;
import bg.digiclub.testsupport.TestClock;

/**
 * The lock screen, once laid out, stays laid out: nothing in it asks for another layout by
 * itself. A screen that did (its height bound to the scroll pane's viewport, which the layout
 * sets) was laid out and painted at every JavaFX pulse, 60 times a second, all day.
 */
@ExtendWith(ApplicationExtension.class)
class LockScreenSettlesTest {
    private final DisplayMode displayMode = new DisplayMode();
    private LockView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        FakeTicker ticker = new FakeTicker();
        I18n i18n = new I18n(Language.BG);
        FakeAgentClient agent = new FakeAgentClient(new EventLog());
        SessionViewModel session = TestSessions.session(List.of(), agent, ticker);
        KioskViewModel kiosk = new KioskViewModel(session, i18n, Language.BG, new DisplayMode(), ticker);
        LockViewModel lock = new LockViewModel(
                "Читалище „Родина – 1860“, Стара Загора",
                kiosk,
                new NoticesViewModel(agent, session, ticker, Runnable::run, Runnable::run),
                i18n,
                displayMode,
                new TestClock(Instant.parse("2026-02-04T07:15:42Z"), ZoneId.of("Europe/Sofia")));
        view = new LockView(lock, i18n);
        scene = new Theme(displayMode).style(new Scene(new StackPane(view.root()), 1280, 800));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void onceLaidOutTheLockScreenAsksForNoMoreLayout(FxRobot robot) {
        for (boolean large : new boolean[] {false, true}) {
            robot.interact(() -> {
                if (displayMode.largeTextProperty().get() != large) {
                    displayMode.toggleLargeText();
                }
                for (int pass = 0; pass < 3; pass++) {
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                }
            });
            List<String> waiting = new ArrayList<>();
            robot.interact(() -> collectNeedingLayout(scene.getRoot(), waiting));
            assertEquals(List.of(), waiting, (large ? "large text" : "normal") + ": laid out again and again");
        }
        assertTrue(view.root().getLayoutBounds().getHeight() > 0);
    }

    private static void collectNeedingLayout(Node node, List<String> waiting) {
        if (node instanceof Parent parent) {
            if (parent.isNeedsLayout()) {
                waiting.add(parent.getClass().getSimpleName() + (parent.getId() == null ? "" : "#" + parent.getId()));
            }
            parent.getChildrenUnmodifiable().forEach(child -> collectNeedingLayout(child, waiting));
        }
    }
}
