package bg.digiclub.kiosk;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.kiosk.agentlink.AgentUnavailableException;
import bg.digiclub.kiosk.appmenu.AppMenuView;
import bg.digiclub.kiosk.appmenu.AppMenuViewModel;
import bg.digiclub.kiosk.config.KioskConfig;
import bg.digiclub.kiosk.guest.GuestView;
import bg.digiclub.kiosk.guest.GuestViewModel;
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.lock.LockView;
import bg.digiclub.kiosk.lock.LockViewModel;
import bg.digiclub.kiosk.member.MemberView;
import bg.digiclub.kiosk.member.MemberViewModel;
import bg.digiclub.kiosk.navigation.KioskViewModel;
import bg.digiclub.kiosk.navigation.Screen;
import bg.digiclub.kiosk.notices.NoticeView;
import bg.digiclub.kiosk.notices.NoticesViewModel;
import bg.digiclub.kiosk.notices.RemoteMaintenance;
import bg.digiclub.kiosk.session.SessionBarView;
import bg.digiclub.kiosk.session.SessionSettings;
import bg.digiclub.kiosk.session.SessionViewModel;
import bg.digiclub.kiosk.session.WarningView;
import bg.digiclub.kiosk.staff.MaintenanceBarView;
import bg.digiclub.kiosk.staff.StaffView;
import bg.digiclub.kiosk.staff.StaffViewModel;
import bg.digiclub.kiosk.ui.Alarm;
import bg.digiclub.kiosk.ui.DisplayMode;
import bg.digiclub.kiosk.ui.Lazy;
import bg.digiclub.kiosk.ui.Lockdown;
import bg.digiclub.kiosk.ui.Theme;

/**
 * The kiosk's screens wired to their view models on the main stage, plus the session's small
 * windows. The main stage carries the lock screen, the forms and the staff panel; it is held up
 * by {@link Lockdown} except while a session or maintenance runs.
 *
 * <p>The kiosk looks at the time only when something it shows or does is due: on the lock
 * screen once a minute, for its clock; while a session runs each time its countdown shows
 * another second; and whenever the screen, the session's state or the PC's availability
 * changes, to work out the next time afresh (see {@link #tick()}).
 */
public final class KioskUi {
    private static final Logger LOG = LoggerFactory.getLogger(KioskUi.class);

    private final KioskParts parts;
    private final Stage stage;
    private final I18n i18n;
    private final SessionViewModel session;
    private final KioskViewModel kiosk;
    private final LockViewModel lock;
    private final NoticesViewModel notices;
    private final StackPane content = new StackPane();
    private final Lockdown lockdown;
    /** Rings {@link #tick()} when something is next due; set only once the kiosk is active. */
    private final Alarm ticker;

    private boolean active;
    private final LockView lockView;
    private final Lazy<GuestView> guestView;
    private final Lazy<MemberView> memberView;
    private final Lazy<StaffView> staffView;
    private final Lazy<SessionBarView> sessionBar;
    private final Lazy<AppMenuView> appMenu;
    private final Lazy<MaintenanceBarView> maintenanceBar;
    private final Lazy<WarningView> warningView;
    /** Made with the first notice: most days a PC never gets one. */
    private final Lazy<NoticeView> noticeView;

    private boolean readyTold;

    private KioskUi(Stage stage, KioskParts parts) {
        this.parts = parts;
        this.stage = stage;
        KioskConfig config = parts.config();
        i18n = new I18n(config.defaultLanguage());
        Theme theme = new Theme(new DisplayMode(config.largeTextDefault(), config.highContrastDefault()));
        session = new SessionViewModel(
                SessionSettings.from(config),
                parts.agent(),
                parts.idleMonitor(),
                parts.nanoTime(),
                parts.work(),
                parts.ui());
        kiosk = new KioskViewModel(session, i18n, config.defaultLanguage(), theme.displayMode(), parts.nanoTime());
        kiosk.onMaintenanceOver(() -> parts.work().execute(() -> {
            try {
                parts.agent().endMaintenance();
            } catch (AgentUnavailableException e) {
                // the agent relocks by itself when the maintenance time it granted is up
                LOG.warn("could not tell the agent maintenance is over: {}", e.getMessage());
            }
        }));
        notices = new NoticesViewModel(parts.agent(), session, parts.nanoTime(), parts.work(), parts.ui());
        lock = new LockViewModel(config.clubName(), kiosk, notices, i18n, theme.displayMode(), parts.clock());
        new RemoteMaintenance(notices, kiosk, config.maintenanceLength());
        lockView = new LockView(lock, i18n);
        guestView = Lazy.of(() -> new GuestView(new GuestViewModel(session, kiosk, config::rules), i18n));
        memberView = Lazy.of(() ->
                new MemberView(new MemberViewModel(parts.agent(), session, kiosk, parts.work(), parts.ui()), i18n));
        staffView = Lazy.of(() -> new StaffView(
                new StaffViewModel(
                        parts.agent(),
                        session,
                        kiosk,
                        config.staffExtendStep(),
                        config.maintenanceLength(),
                        parts.work(),
                        parts.ui(),
                        parts.nanoTime()),
                i18n));
        appMenu = Lazy.of(
                () -> new AppMenuView(new AppMenuViewModel(parts.launcher(), parts.work(), parts.ui()), i18n, theme));
        sessionBar = Lazy.of(() -> new SessionBarView(
                session,
                i18n,
                theme,
                () -> appMenu.get().show(),
                kiosk::showStaff,
                notices.helpCalledProperty(),
                notices::callHelp));
        // made with the first session: warnings exist only in sessions
        warningView = Lazy.of(() -> new WarningView(session, i18n, theme));
        maintenanceBar = Lazy.of(() -> new MaintenanceBarView(kiosk, i18n, theme));
        noticeView = Lazy.of(() -> new NoticeView(notices, i18n, theme));
        notices.overlayProperty().addListener((obs, old, now) -> {
            if (now != null) {
                noticeView.get();
            }
        });

        Scene scene = theme.style(new Scene(content, 1280, 800));
        stage.setScene(scene);
        stage.setTitle(config.clubName());
        if (parts.demo()) {
            // demo: Escape on the lock screen closes the kiosk; on a form it goes back
            scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
                if (event.getCode() == KeyCode.ESCAPE && kiosk.screen() == Screen.LOCK) {
                    Platform.exit();
                }
            });
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                kiosk.back();
                event.consume();
            }
        });
        lockdown = new Lockdown(stage, parts.demo());
        ticker = new Alarm(Platform::runLater, this::tick);
        kiosk.screenProperty().addListener((obs, old, now) -> show(now));
        // what is due next, and when, changes with these: work it out again at once
        kiosk.screenProperty().addListener((obs, old, now) -> setTicker());
        session.stateProperty().addListener((obs, old, now) -> setTicker());
        session.outOfOrderProperty().addListener((obs, old, now) -> setTicker());
        session.warningProperty().addListener((obs, old, now) -> setTicker());
    }

    /** Builds the kiosk on {@code stage}, shows the lock screen and starts the interrupted-session recovery. */
    public static KioskUi start(Stage stage, KioskParts parts) {
        KioskUi ui = build(stage, parts);
        ui.activate();
        return ui;
    }

    /**
     * Builds the kiosk on {@code stage} and shows nothing (a standby kiosk): the lock screen's
     * styles and layout are worked out now, so that {@link #activate()} only maps the window.
     */
    public static KioskUi build(Stage stage, KioskParts parts) {
        KioskUi ui = new KioskUi(stage, parts);
        ui.content.getChildren().setAll(ui.lockView.root());
        ui.content.applyCss();
        ui.content.layout();
        return ui;
    }

    /** Shows the lock screen and starts the interrupted-session recovery and the ticker. */
    public void activate() {
        show(kiosk.screen());
        active = true;
        session.recoverInterrupted();
        notices.tick();
        setTicker();
    }

    /** Brings everything time-driven up to date (clock, countdowns, agent calls due), then sets the next tick. */
    private void tick() {
        kiosk.tick();
        notices.tick();
        staffView.ifMade(view -> view.model().tick());
        lock.refreshClock();
        setTicker();
    }

    /** Sets the ticker to the soonest of what is due: the clock's next minute at the latest. */
    private void setTicker() {
        if (!active) {
            return;
        }
        Duration wait = Stream.of(
                        kiosk.untilNextTick(),
                        notices.untilNextTick(),
                        staffView.askIfMade(view -> view.model().untilNextTick()))
                .flatMap(Optional::stream)
                .reduce(lock.untilClockChanges(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        ticker.ringIn(wait);
    }

    private void show(Screen screen) {
        switch (screen) {
            case PREPARING, LOCK -> showMain(lockView.root(), lockView::focusFirst);
            case GUEST -> showMain(guestView.get().root(), guestView.get()::focusFirst);
            case MEMBER -> showMain(memberView.get().root(), memberView.get()::focusFirst);
            case STAFF -> showMain(staffView.get().root(), staffView.get()::focusFirst);
            case SESSION -> {
                warningView.get();
                sessionBar.get().show();
                maintenanceBar.ifMade(MaintenanceBarView::hide);
                lockdown.release();
            }
            case MAINTENANCE -> {
                maintenanceBar.get().show();
                sessionBar.ifMade(SessionBarView::hide);
                lockdown.release();
            }
            default -> throw new IllegalStateException("unexpected screen " + screen);
        }
        // a notice stays over everything, whatever came up since
        noticeView.ifMade(NoticeView::raise);
    }

    private void showMain(Node node, Runnable shownFocus) {
        // every form opens at its top, wherever the last visitor left it
        Runnable focus = () -> {
            shownFocus.run();
            scrollToTop(node);
        };
        // park the focus on the container first: when the focused node of the last screen goes,
        // JavaFX picks a new focus by itself, often the new screen's last button
        content.requestFocus();
        content.getChildren().setAll(node);
        boolean first = !stage.isShowing();
        lockdown.engage();
        hideSmallWindows();
        // a scroll pane puts its content into the scene only with its skin, so focus once the
        // skins exist (after the next layout) as well as now
        focus.run();
        Scene scene = stage.getScene();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            focus.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        if (first && !readyTold) {
            readyTold = true;
            // the benchmark's end mark: the first frame with the lock screen is being drawn
            Platform.runLater(parts.ready());
        }
    }

    private static void scrollToTop(Node node) {
        if (node instanceof ScrollPane scroll) {
            scroll.setVvalue(scroll.getVmin());
            scroll.setHvalue(scroll.getHmin());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(KioskUi::scrollToTop);
        }
    }

    public KioskViewModel kiosk() {
        return kiosk;
    }

    public SessionViewModel session() {
        return session;
    }

    public NoticesViewModel notices() {
        return notices;
    }

    public I18n i18n() {
        return i18n;
    }

    /** Stops the ticker and lets go of every window (application exit, or the end of a UI test). */
    public void stop() {
        active = false;
        ticker.cancel();
        lockdown.release();
        hideSmallWindows();
        warningView.ifMade(warning -> warning.stage().hide());
        noticeView.ifMade(notice -> notice.stage().hide());
    }

    private void hideSmallWindows() {
        sessionBar.ifMade(SessionBarView::hide);
        appMenu.ifMade(AppMenuView::hide);
        maintenanceBar.ifMade(MaintenanceBarView::hide);
    }

    /** The main stage: lock screen, forms, staff panel. */
    public Stage stage() {
        return stage;
    }

    /** The primary stage's style for the kiosk: no title bar, nothing to grab. */
    public static StageStyle stageStyle(boolean demo) {
        return demo ? StageStyle.DECORATED : StageStyle.UNDECORATED;
    }
}
