package bg.digiclub.kiosk.navigation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.session.SessionViewModel;
import bg.digiclub.kiosk.ui.Countdown;
import bg.digiclub.kiosk.ui.DisplayMode;

/**
 * Which screen the kiosk shows, and the moves between screens. It follows the session (a started
 * session shows only the session bar, an ended one the lock screen again, in the club's default
 * language) and runs the maintenance unlock on the monotonic ticker.
 */
public final class KioskViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(KioskViewModel.class);

    private final SessionViewModel session;
    private final I18n i18n;
    private final Language defaultLanguage;
    private final DisplayMode displayMode;
    private final LongSupplier nanoTime;
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(this, "screen", Screen.PREPARING);
    private final ReadOnlyObjectWrapper<Duration> maintenanceLeft =
            new ReadOnlyObjectWrapper<>(this, "maintenanceLeft", Duration.ZERO);
    private long maintenanceEnds;
    private final List<Runnable> maintenanceOver = new ArrayList<>();

    /**
     * @param defaultLanguage the club's language, and {@code displayMode} its display settings: what
     *                        every new visitor meets on the lock screen, whatever the last one chose
     */
    public KioskViewModel(
            SessionViewModel session,
            I18n i18n,
            Language defaultLanguage,
            DisplayMode displayMode,
            LongSupplier nanoTime) {
        this.session = Objects.requireNonNull(session, "session");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        this.displayMode = Objects.requireNonNull(displayMode, "displayMode");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        session.stateProperty().addListener((obs, old, now) -> follow(old, now));
        follow(null, session.stateProperty().get());
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public Screen screen() {
        return screen.get();
    }

    /** Time until the maintenance unlock relocks; zero outside maintenance. */
    public ReadOnlyObjectProperty<Duration> maintenanceLeftProperty() {
        return maintenanceLeft.getReadOnlyProperty();
    }

    /** Why no session can start just now (out of order, busy, no agent), or null. */
    public ReadOnlyObjectProperty<Message> noticeProperty() {
        return session.noticeProperty();
    }

    /** True while the last visitor's data could not be removed: only staff may go in. */
    public ReadOnlyBooleanProperty outOfOrderProperty() {
        return session.outOfOrderProperty();
    }

    private void follow(SessionViewModel.State old, SessionViewModel.State state) {
        switch (state) {
            case STARTING, ENDING -> screen.set(Screen.PREPARING);
            case RUNNING -> screen.set(Screen.SESSION);
            case NONE -> {
                // a start the agent refused (people wait, the club closed) is still the same
                // visitor: the refusal is said in the language and text size they chose
                if (old != SessionViewModel.State.STARTING) {
                    welcomeNextVisitor();
                }
                screen.set(Screen.LOCK);
            }
            default -> throw new IllegalStateException("unexpected session state " + state);
        }
    }

    public void showGuest() {
        moveFromLock(Screen.GUEST);
    }

    public void showMember() {
        moveFromLock(Screen.MEMBER);
    }

    /** Opens the staff PIN, from the lock screen or from the session bar. */
    public void showStaff() {
        if (screen.get() == Screen.LOCK || screen.get() == Screen.SESSION) {
            screen.set(Screen.STAFF);
        }
    }

    /** Back from a form or from the staff panel: to the session if one runs, else to the lock screen. */
    public void back() {
        if (screen.get() == Screen.GUEST || screen.get() == Screen.MEMBER || screen.get() == Screen.STAFF) {
            screen.set(session.stateProperty().get() == SessionViewModel.State.RUNNING ? Screen.SESSION : Screen.LOCK);
        }
    }

    private void moveFromLock(Screen next) {
        if (screen.get() == Screen.LOCK && !session.outOfOrderProperty().get()) {
            screen.set(next);
        }
    }

    /** Staff let the kiosk step aside for maintenance; it relocks by itself after {@code length}. */
    public void startMaintenance(Duration length) {
        if (session.stateProperty().get() != SessionViewModel.State.NONE) {
            throw new IllegalStateException("end the session before maintenance");
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("maintenance length must be positive, was " + length);
        }
        maintenanceEnds = nanoTime.getAsLong() + length.toNanos();
        maintenanceLeft.set(length);
        LOG.info("maintenance unlock for {}", length);
        screen.set(Screen.MAINTENANCE);
    }

    /** Told when maintenance ends, however it ends (the agent ends the programs started in it). */
    public void onMaintenanceOver(Runnable listener) {
        maintenanceOver.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The club's language and display settings, for the next visitor, whatever the last one (or staff) chose. */
    private void welcomeNextVisitor() {
        i18n.use(defaultLanguage);
        displayMode.reset();
    }

    /** Ends maintenance now ("Lock now" button, or the time ran out). */
    public void endMaintenance() {
        if (screen.get() == Screen.MAINTENANCE) {
            LOG.info("maintenance over; locking");
            maintenanceOver.forEach(Runnable::run);
            maintenanceLeft.set(Duration.ZERO);
            welcomeNextVisitor();
            screen.set(Screen.LOCK);
        }
    }

    /**
     * How long {@link #tick()} may wait: as long as the session allows ({@link
     * SessionViewModel#untilNextTick()}) and, in maintenance, until its countdown shows another
     * second. Empty when nothing is due by the clock.
     */
    public Optional<Duration> untilNextTick() {
        Optional<Duration> sessionWait = session.untilNextTick();
        if (screen.get() != Screen.MAINTENANCE) {
            return sessionWait;
        }
        Duration maintenanceWait =
                Countdown.untilChange(Duration.ofNanos(Math.max(0, maintenanceEnds - nanoTime.getAsLong())));
        return Optional.of(
                sessionWait.filter(wait -> wait.compareTo(maintenanceWait) < 0).orElse(maintenanceWait));
    }

    /** Advances to the ticker's present: the session, and the maintenance relock. */
    public void tick() {
        session.tick();
        if (screen.get() == Screen.MAINTENANCE) {
            long left = maintenanceEnds - nanoTime.getAsLong();
            if (left <= 0) {
                endMaintenance();
            } else {
                maintenanceLeft.set(Duration.ofNanos(left));
            }
        }
    }
}
