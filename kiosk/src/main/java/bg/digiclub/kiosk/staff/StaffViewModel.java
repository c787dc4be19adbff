package bg.digiclub.kiosk.staff;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.agentlink.AgentRefusedException;
import bg.digiclub.kiosk.agentlink.AgentUnavailableException;
import bg.digiclub.kiosk.agentlink.MemberCard;
import bg.digiclub.kiosk.agentlink.StaffLockedException;
import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.navigation.KioskViewModel;
import bg.digiclub.kiosk.navigation.Screen;
import bg.digiclub.kiosk.session.SessionViewModel;

/**
 * The staff panel behind the staff PIN: this PC's health in plain words, the current session
 * (extend, end), member cards (create, reset PIN, disable) and the maintenance unlock.
 *
 * <p>The panel relocks (and the agent's staff token is revoked) whenever the kiosk leaves the
 * staff screen — back to the session or the lock screen, a session that ends or starts,
 * maintenance — and after {@link #IDLE_RELOCK} without input, so nobody finds it open: the
 * next "Staff" asks for the PIN again.
 */
public final class StaffViewModel {
    /** No input on the staff screen for this long relocks the panel (and matches the agent's staff token). */
    public static final Duration IDLE_RELOCK = Duration.ofMinutes(2);
    /** With input in the last minute and no request for a minute, the open panel asks the agent once. */
    static final Duration KEEP_ALIVE = Duration.ofMinutes(1);
    /** How often an open panel looks at the time: its relock and keep-alive are counted in minutes. */
    private static final Duration OPEN_TICK = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(StaffViewModel.class);

    private final AgentClient agent;
    private final SessionViewModel session;
    private final KioskViewModel kiosk;
    private final Executor work;
    private final Executor ui;
    private final LongSupplier nanoTime;
    private long lastInput;
    private long lastAgentUse;
    /** The last health report and when it came (ticker): its uptime is counted on from there. */
    private HealthReport lastReport;

    private long reportAt;
    /** Counts relocks (UI thread only): an answer asked for before the last relock is stale. */
    private long relocks;

    private final StringProperty pin = new SimpleStringProperty(this, "pin", "");
    private final ReadOnlyBooleanWrapper unlocked = new ReadOnlyBooleanWrapper(this, "unlocked");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<HealthStatus> overall = new ReadOnlyObjectWrapper<>(this, "overall");
    private final ObservableList<HealthLine> health = FXCollections.observableArrayList();
    private final ObservableList<MemberCard> cards = FXCollections.observableArrayList();
    // one read-only view each, kept: an unmodifiable wrapper listens to its source only weakly,
    // so a wrapper made per call would be collected and its listeners would go quiet
    private final ObservableList<HealthLine> healthView = FXCollections.unmodifiableObservableList(health);
    private final ObservableList<MemberCard> cardsView = FXCollections.unmodifiableObservableList(cards);
    private final ReadOnlyObjectWrapper<Message> revealed = new ReadOnlyObjectWrapper<>(this, "revealed");
    private final IntegerProperty extendMinutes;
    private final IntegerProperty maintenanceMinutes;
    private final BooleanBinding sessionRunning;

    /**
     * @param nanoTime the monotonic ticker the idle relock runs on; {@link #tick()} looks at it
     */
    public StaffViewModel(
            AgentClient agent,
            SessionViewModel session,
            KioskViewModel kiosk,
            Duration extendStep,
            Duration maintenanceLength,
            Executor work,
            Executor ui,
            LongSupplier nanoTime) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.session = Objects.requireNonNull(session, "session");
        this.kiosk = Objects.requireNonNull(kiosk, "kiosk");
        this.work = Objects.requireNonNull(work, "work");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.lastInput = nanoTime.getAsLong();
        this.extendMinutes = new SimpleIntegerProperty(this, "extendMinutes", (int) extendStep.toMinutes());
        this.maintenanceMinutes =
                new SimpleIntegerProperty(this, "maintenanceMinutes", (int) maintenanceLength.toMinutes());
        this.sessionRunning = Bindings.createBooleanBinding(
                () -> session.stateProperty().get() == SessionViewModel.State.RUNNING, session.stateProperty());
        // relock whenever the staff screen is left or the session changes under it (ended by its
        // timer while the panel was open): the panel is open only while staff look at it
        kiosk.screenProperty().addListener((obs, old, now) -> {
            if (now != Screen.STAFF) {
                relock();
            } else {
                touched();
            }
        });
        session.stateProperty().addListener((obs, old, now) -> relock());
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public ReadOnlyBooleanProperty unlockedProperty() {
        return unlocked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What went wrong with the last action, or null. */
    public ReadOnlyObjectProperty<Message> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The PC's overall health, or null until the agent answered. */
    public ReadOnlyObjectProperty<HealthStatus> overallProperty() {
        return overall.getReadOnlyProperty();
    }

    public ObservableList<HealthLine> health() {
        return healthView;
    }

    public ObservableList<MemberCard> cards() {
        return cardsView;
    }

    /** A new card's code and PIN, or a reset PIN, shown once; null otherwise. */
    public ReadOnlyObjectProperty<Message> revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    public IntegerProperty extendMinutesProperty() {
        return extendMinutes;
    }

    public IntegerProperty maintenanceMinutesProperty() {
        return maintenanceMinutes;
    }

    public BooleanBinding sessionRunningProperty() {
        return sessionRunning;
    }

    public ReadOnlyObjectProperty<Duration> sessionRemainingProperty() {
        return session.remainingProperty();
    }

    /** Checks the staff PIN with the agent; the panel opens if it is right. */
    public void unlock() {
        touched();
        char[] secret = pin.get() == null ? new char[0] : pin.get().toCharArray();
        pin.set("");
        if (secret.length == 0) {
            problem.set(Message.of("staff.error.missingPin"));
            return;
        }
        call(
                () -> {
                    try {
                        return agent.authenticateStaff(secret);
                    } finally {
                        java.util.Arrays.fill(secret, '\0');
                    }
                },
                ok -> {
                    if (!ok) {
                        problem.set(Message.of("staff.error.wrongPin"));
                    } else {
                        problem.set(null);
                        touched();
                        unlocked.set(true);
                        refresh();
                    }
                },
                ok -> {
                    // the screen moved on while the agent checked the PIN: stay shut, end that login
                    if (ok) {
                        logoutAtAgent();
                    }
                });
    }

    /** Someone used the staff screen (a key, a click): the idle relock starts counting again. */
    public void touched() {
        lastInput = nanoTime.getAsLong();
    }

    /**
     * Advances to the ticker's present: after {@link #IDLE_RELOCK} without input the panel
     * relocks, and the kiosk goes back to the session or the lock screen. While staff keep
     * using an open panel without asking the agent anything (reading, typing minutes), the
     * card list is reloaded every {@link #KEEP_ALIVE}, which keeps the agent's staff login
     * (2 minutes after its last use) from ending under their hands.
     */
    public void tick() {
        long now = nanoTime.getAsLong();
        if (kiosk.screen() != Screen.STAFF) {
            return;
        }
        if (now - lastInput >= IDLE_RELOCK.toNanos()) {
            LOG.info("staff screen idle for {}; relocking", IDLE_RELOCK);
            relock();
            kiosk.back();
        } else if (unlocked.get()
                && !busy.get()
                && now - lastAgentUse >= KEEP_ALIVE.toNanos()
                && now - lastInput < KEEP_ALIVE.toNanos()) {
            call(agent::memberCards, cards::setAll);
        }
        if (unlocked.get()) {
            countUptimeOn(now);
        }
    }

    /**
     * How long {@link #tick()} may wait: a second while the panel is open (its idle relock, the
     * agent's staff login kept alive, the uptime line); empty otherwise.
     */
    public Optional<Duration> untilNextTick() {
        return kiosk.screen() == Screen.STAFF ? Optional.of(OPEN_TICK) : Optional.empty();
    }

    /**
     * The uptime line goes on counting between reports, so staff never read a stale "12 minutes"
     * until they press "Refresh". The list changes only when the words do (once a minute at most).
     */
    private void countUptimeOn(long now) {
        if (lastReport == null) {
            return;
        }
        Duration elapsed = Duration.ofNanos(now - reportAt);
        List<CheckReport> checks = lastReport.checks();
        for (int i = 0; i < checks.size() && i < health.size(); i++) {
            CheckReport check = checks.get(i);
            if ("uptime".equals(check.name())) {
                HealthLine line = new HealthLine(
                        HealthLine.name(check.name()), check.status(), HealthValue.uptime(check, elapsed));
                if (!line.equals(health.get(i))) {
                    health.set(i, line);
                }
            }
        }
    }

    /** Reloads health and member cards from the agent. */
    public void refresh() {
        requireUnlocked();
        call(agent::health, this::showHealth);
        call(agent::memberCards, cards::setAll);
    }

    private void showHealth(HealthReport report) {
        lastReport = report;
        reportAt = nanoTime.getAsLong();
        overall.set(report.overall());
        health.setAll(report.checks().stream().map(HealthLine::of).toList());
    }

    public void extendSession() {
        requireUnlocked();
        touched();
        int minutes = extendMinutes.get();
        if (minutes < 1 || minutes > 240) {
            problem.set(Message.of("staff.error.extendRange"));
            return;
        }
        if (sessionRunning.get()) {
            problem.set(null);
            busy.set(true);
            session.extend(Duration.ofMinutes(minutes), failure -> {
                busy.set(false);
                if (failure != null) {
                    LOG.warn("staff panel: the agent did not extend the session: {}", failure.getMessage());
                    problem.set(Message.of("staff.error.unavailable"));
                }
            });
        }
    }

    public void endSession() {
        requireUnlocked();
        touched();
        if (sessionRunning.get()) {
            lock();
            session.endByStaff();
        }
    }

    public void createCard() {
        requireUnlocked();
        touched();
        call(agent::createMemberCard, card -> {
            revealed.set(Message.of("staff.cards.created", card.code(), card.pin()));
            call(agent::memberCards, cards::setAll);
        });
    }

    public void resetPin(MemberCard card) {
        requireUnlocked();
        touched();
        call(() -> agent.resetMemberPin(card.code()), newPin -> {
            revealed.set(Message.of("staff.cards.pinReset", card.code(), newPin));
            call(agent::memberCards, cards::setAll);
        });
    }

    public void disable(MemberCard card) {
        requireUnlocked();
        touched();
        call(
                () -> {
                    agent.disableMemberCard(card.code());
                    return agent.memberCards();
                },
                cards::setAll);
    }

    /**
     * People are waiting, and staff let one new session start here now anyway (the agent would
     * refuse it with {@code queue_waiting}): the panel closes so that the visitor can start.
     */
    public void approveSession() {
        requireUnlocked();
        touched();
        if (sessionRunning.get()) {
            problem.set(Message.of("staff.error.sessionRunning"));
            return;
        }
        call(
                () -> {
                    agent.approveSession();
                    return Boolean.TRUE;
                },
                approved -> close());
    }

    /** Lets the kiosk step aside; it relocks by itself. Not while a visitor's session runs. */
    public void startMaintenance() {
        requireUnlocked();
        touched();
        int minutes = maintenanceMinutes.get();
        if (minutes < 1 || minutes > 240) {
            problem.set(Message.of("staff.error.maintenanceRange"));
            return;
        }
        if (sessionRunning.get()) {
            problem.set(Message.of("staff.error.sessionRunning"));
            return;
        }
        Duration length = Duration.ofMinutes(minutes);
        call(
                () -> {
                    agent.startMaintenance(length);
                    return length;
                },
                granted -> {
                    lock();
                    kiosk.startMaintenance(granted);
                });
    }

    /** Closes the panel and ends the staff login: the next staff member types the PIN again. */
    public void close() {
        relock();
        kiosk.back();
    }

    /**
     * Locks the panel and, if it was open, ends the staff login at the agent. (Ending a session
     * and starting maintenance lock the panel but leave the login to expire by itself, 2 minutes
     * after its last use: the requests that follow them may still present it.)
     */
    private void relock() {
        boolean wasOpen = unlocked.get();
        lock();
        if (wasOpen) {
            logoutAtAgent();
        }
    }

    private void logoutAtAgent() {
        work.execute(() -> {
            try {
                agent.logoutStaff();
            } catch (AgentUnavailableException e) {
                // the token still expires by itself at the agent after its idle time
                LOG.warn("staff panel: could not end the staff login at the agent: {}", e.getMessage());
            }
        });
    }

    private void lock() {
        if (unlocked.get()) {
            LOG.info("staff panel relocked");
        }
        relocks++;
        unlocked.set(false);
        pin.set("");
        problem.set(null);
        revealed.set(null);
        overall.set(null);
        lastReport = null;
        health.clear();
        cards.clear();
    }

    private void requireUnlocked() {
        if (!unlocked.get()) {
            throw new IllegalStateException("the staff panel is locked");
        }
    }

    private <T> void call(AgentCall<T> call, java.util.function.Consumer<T> then) {
        call(call, then, result -> {});
    }

    /**
     * Runs {@code call} on the work thread and hands its result to {@code then} on the UI
     * thread — or to {@code stale} if the panel was relocked meanwhile, so nothing of a closed
     * panel comes back into it.
     */
    private <T> void call(
            AgentCall<T> call, java.util.function.Consumer<T> then, java.util.function.Consumer<T> stale) {
        long asked = relocks;
        lastAgentUse = nanoTime.getAsLong();
        busy.set(true);
        work.execute(() -> {
            try {
                T result = call.run();
                ui.execute(() -> {
                    busy.set(false);
                    (asked == relocks ? then : stale).accept(result);
                });
            } catch (AgentUnavailableException e) {
                ui.execute(() -> {
                    busy.set(false);
                    if (asked == relocks) {
                        failed(e);
                    }
                });
            }
        });
    }

    /** Says why the agent did not do it: locked for N minutes, log in again, no PIN set, or away. */
    private void failed(AgentUnavailableException e) {
        if (e instanceof StaffLockedException locked) {
            LOG.info("staff login locked for {} after repeated wrong PINs", locked.lockedFor());
            problem.set(Message.of("staff.error.locked", minutesUp(locked.lockedFor())));
        } else if (e instanceof AgentRefusedException refused
                && ErrorCodes.STAFF_AUTH_REQUIRED.equals(refused.code())) {
            // the agent's staff token ended (its idle time, an agent restart): ask for the PIN again
            lock();
            problem.set(Message.of("staff.error.loginAgain"));
        } else if (e instanceof AgentRefusedException refused && ErrorCodes.STAFF_PIN_NOT_SET.equals(refused.code())) {
            problem.set(Message.of("staff.error.pinNotSet"));
        } else {
            LOG.warn("staff panel: agent unavailable: {}", e.getMessage());
            problem.set(Message.of("staff.error.unavailable"));
        }
    }

    /** Whole minutes, rounded up, at least 1: "locked for 0 minutes" would be a lie. */
    private static long minutesUp(Duration duration) {
        long minutes = duration.toMinutes();
        return Math.max(1, duration.equals(Duration.ofMinutes(minutes)) ? minutes : minutes + 1);
    }

    /** One request to the agent. */
    @FunctionalInterface
    private interface AgentCall<T> {
        T run() throws AgentUnavailableException;
    }
}
