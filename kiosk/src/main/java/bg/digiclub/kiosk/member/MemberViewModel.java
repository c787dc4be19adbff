package bg.digiclub.kiosk.member;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.agentlink.AgentUnavailableException;
import bg.digiclub.kiosk.agentlink.MemberLogin;
import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.navigation.KioskViewModel;
import bg.digiclub.kiosk.session.SessionViewModel;

/**
 * Member login: card code and PIN checked by the agent, a clear reason when it is refused, and
 * the one-time age band / sex declaration for a member who has not made it yet.
 */
public final class MemberViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MemberViewModel.class);

    /** Which part of the form is shown. */
    public enum Step {
        /** Card code and PIN. */
        CREDENTIALS,
        /** First login: age band and sex, once. */
        DECLARE
    }

    private final AgentClient agent;
    private final SessionViewModel session;
    private final KioskViewModel kiosk;
    private final Executor work;
    private final Executor ui;

    private final StringProperty cardCode = new SimpleStringProperty(this, "cardCode", "");
    private final StringProperty pin = new SimpleStringProperty(this, "pin", "");
    private final ObjectProperty<AgeBand> ageBand = new SimpleObjectProperty<>(this, "ageBand", AgeBand.NOT_DECLARED);
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>(this, "sex", Sex.NOT_DECLARED);
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.CREDENTIALS);
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    private String acceptedCode;
    private Duration acceptedAllowance;

    public MemberViewModel(
            AgentClient agent, SessionViewModel session, KioskViewModel kiosk, Executor work, Executor ui) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.session = Objects.requireNonNull(session, "session");
        this.kiosk = Objects.requireNonNull(kiosk, "kiosk");
        this.work = Objects.requireNonNull(work, "work");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    public StringProperty cardCodeProperty() {
        return cardCode;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public ObjectProperty<AgeBand> ageBandProperty() {
        return ageBand;
    }

    public ObjectProperty<Sex> sexProperty() {
        return sex;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** Why the last attempt did not work, or null. */
    public ReadOnlyObjectProperty<Message> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True while the agent is being asked. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Asks the agent whether the code and PIN are right. */
    public void logIn() {
        String code = cardCode.get() == null ? "" : cardCode.get().strip();
        if (code.isEmpty() || pin.get() == null || pin.get().isEmpty()) {
            problem.set(Message.of("member.error.missing"));
            return;
        }
        char[] secret = pin.get().toCharArray();
        pin.set("");
        busy.set(true);
        problem.set(null);
        work.execute(() -> {
            MemberLogin answer = null;
            try {
                answer = agent.authenticateMember(code, secret);
            } catch (AgentUnavailableException e) {
                LOG.warn("member login not possible, agent unavailable: {}", e.getMessage());
            } finally {
                Arrays.fill(secret, '\0');
            }
            MemberLogin result = answer;
            ui.execute(() -> answered(code, result));
        });
    }

    private void answered(String code, MemberLogin login) {
        busy.set(false);
        if (login == null) {
            problem.set(Message.of("member.error.unavailable"));
            return;
        }
        switch (login.outcome()) {
            case OK -> accepted(code, login);
            // one answer for both: the lock screen must not tell whether a card with this code exists
            case WRONG_PIN -> problem.set(Message.of("member.error.wrongCodeOrPin"));
            case LOCKED -> problem.set(Message.of("member.error.locked", minutesUp(login.lockedFor())));
            case DISABLED -> problem.set(Message.of("member.error.disabled"));
            case NO_TIME_LEFT_TODAY -> problem.set(Message.of("member.error.noTimeLeft"));
            default -> throw new IllegalStateException("unexpected outcome " + login.outcome());
        }
    }

    private void accepted(String code, MemberLogin login) {
        if (login.allowedNow().isZero() || login.allowedNow().isNegative()) {
            problem.set(Message.of("member.error.noTimeLeft"));
            return;
        }
        if (login.demographics() == null) {
            acceptedCode = code;
            acceptedAllowance = login.allowedNow();
            step.set(Step.DECLARE);
            return;
        }
        clear();
        session.startMember(code, login.demographics(), login.allowedNow());
    }

    /** Records the first-login declaration with the agent and starts the session. */
    public void declareAndStart() {
        if (step.get() != Step.DECLARE) {
            throw new IllegalStateException("nothing to declare before a login is accepted");
        }
        Demographics declared = new Demographics(ageBand.get(), sex.get());
        String code = acceptedCode;
        Duration allowed = acceptedAllowance;
        busy.set(true);
        work.execute(() -> {
            try {
                agent.declareDemographics(code, declared);
            } catch (AgentUnavailableException e) {
                // the session matters more than the statistic; the member is asked again next time
                LOG.warn("could not record a member's declaration: {}", e.getMessage());
            }
            ui.execute(() -> {
                clear();
                session.startMember(code, declared, allowed);
            });
        });
    }

    public void back() {
        clear();
        kiosk.back();
    }

    private void clear() {
        cardCode.set("");
        pin.set("");
        ageBand.set(AgeBand.NOT_DECLARED);
        sex.set(Sex.NOT_DECLARED);
        problem.set(null);
        busy.set(false);
        step.set(Step.CREDENTIALS);
        acceptedCode = null;
        acceptedAllowance = null;
    }

    private static long minutesUp(Duration duration) {
        long minutes = duration.toMinutes();
        return duration.equals(Duration.ofMinutes(minutes)) ? Math.max(1, minutes) : minutes + 1;
    }
}
