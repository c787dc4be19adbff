package bg.digiclub.kiosk.staff;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

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

import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.kiosk.KioskViewModel;
import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.agentlink.AgentRefusedException;
import bg.digiclub.kiosk.agentlink.AgentUnavailableException;
import bg.digiclub.kiosk.agentlink.MemberCard;
import bg.digiclub.kiosk.agentlink.StaffLockedException;
import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.session.SessionViewModel;

/**
 * The staff panel behind the staff PIN: this PC's health in plain words, the current session
 * (extend, end), member cards (create, reset PIN, disable) and the maintenance unlock.
 */
public final class StaffViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(StaffViewModel.class);

    private final AgentClient agent;
    private final SessionViewModel session;
    private final KioskViewModel kiosk;
    private final Executor work;
    private final Executor ui;

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

    public StaffViewModel(AgentClient agent, SessionViewModel session, KioskViewModel kiosk, Duration extendStep,
                          Duration maintenanceLength, Executor work, Executor ui) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.session = Objects.requireNonNull(session, "session");
        this.kiosk = Objects.requireNonNull(kiosk, "kiosk");
        this.work = Objects.requireNonNull(work, "work");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.extendMinutes = new SimpleIntegerProperty(this, "extendMinutes", (int) extendStep.toMinutes());
        this.maintenanceMinutes = new SimpleIntegerProperty(this, "maintenanceMinutes",
                (int) maintenanceLength.toMinutes());
        this.sessionRunning = Bindings.createBooleanBinding(
                () -> session.stateProperty().get() == SessionViewModel.State.RUNNING, session.stateProperty());
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
        char[] secret = pin.get() == null ? new char[0] : pin.get().toCharArray();
        pin.set("");
        if (secret.length == 0) {
            problem.set(Message.of("staff.error.missingPin"));
            return;
        }
        call(() -> {
            try {
                return agent.authenticateStaff(secret);
            } finally {
                java.util.Arrays.fill(secret, '\0');
            }
        }, ok -> {
            if (ok) {
                unlocked.set(true);
                refresh();
            } else {
                problem.set(Message.of("staff.error.wrongPin"));
            }
        });
    }

    /** Reloads health and member cards from the agent. */
    public void refresh() {
        requireUnlocked();
        call(agent::health, this::showHealth);
        call(agent::memberCards, cards::setAll);
    }

    private void showHealth(HealthReport report) {
        overall.set(report.overall());
        health.setAll(report.checks().stream().map(HealthLine::of).toList());
    }

    public void extendSession() {
        requireUnlocked();
        int minutes = extendMinutes.get();
        if (minutes < 1 || minutes > 240) {
            problem.set(Message.of("staff.error.extendRange"));
            return;
        }
        if (sessionRunning.get()) {
            session.extend(Duration.ofMinutes(minutes));
            problem.set(null);
        }
    }

    public void endSession() {
        requireUnlocked();
        if (sessionRunning.get()) {
            lock();
            session.endByStaff();
        }
    }

    public void createCard() {
        requireUnlocked();
        call(agent::createMemberCard, card -> {
            revealed.set(Message.of("staff.cards.created", card.code(), card.pin()));
            call(agent::memberCards, cards::setAll);
        });
    }

    public void resetPin(MemberCard card) {
        requireUnlocked();
        call(() -> agent.resetMemberPin(card.code()), newPin -> {
            revealed.set(Message.of("staff.cards.pinReset", card.code(), newPin));
            call(agent::memberCards, cards::setAll);
        });
    }

    public void disable(MemberCard card) {
        requireUnlocked();
        call(() -> {
            agent.disableMemberCard(card.code());
            return agent.memberCards();
        }, cards::setAll);
    }

    /** Lets the kiosk step aside; it relocks by itself. Not while a visitor's session runs. */
    public void startMaintenance() {
        requireUnlocked();
        int minutes = maintenanceMinutes.get();
        if (minutes < 1 || minutes > 240) {
            problem.set(Message.of("staff.error.maintenanceRange"));
            return;
        }
        if (sessionRunning.get()) {
            problem.set(Message.of("staff.error.sessionRunning"));
            return;
        }
        lock();
        kiosk.startMaintenance(Duration.ofMinutes(minutes));
    }

    /** Closes the panel: the next staff member types the PIN again. */
    public void close() {
        lock();
        kiosk.back();
    }

    private void lock() {
        unlocked.set(false);
        pin.set("");
        problem.set(null);
        revealed.set(null);
        overall.set(null);
        health.clear();
        cards.clear();
    }

    private void requireUnlocked() {
        if (!unlocked.get()) {
            throw new IllegalStateException("the staff panel is locked");
        }
    }

    private <T> void call(AgentCall<T> call, java.util.function.Consumer<T> then) {
        busy.set(true);
        work.execute(() -> {
            try {
                T result = call.run();
                ui.execute(() -> {
                    busy.set(false);
                    then.accept(result);
                });
            } catch (AgentUnavailableException e) {
                ui.execute(() -> {
                    busy.set(false);
                    failed(e);
                });
            }
        });
    }

    /** Says why the agent did not do it: locked for N minutes, no PIN set, or away. */
    private void failed(AgentUnavailableException e) {
        if (e instanceof StaffLockedException locked) {
            LOG.info("staff login locked for {} after repeated wrong PINs", locked.lockedFor());
            problem.set(Message.of("staff.error.locked", minutesUp(locked.lockedFor())));
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
