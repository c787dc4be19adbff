package bg.digiclub.kiosk.notices;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.HelpState;
import bg.digiclub.common.link.wire.Notices;
import bg.digiclub.common.link.wire.ShownMessage;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.agentlink.AgentRefusedException;
import bg.digiclub.kiosk.agentlink.AgentUnavailableException;
import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.session.SessionViewModel;

/**
 * The agent's notices as the kiosk shows them. Every {@link #POLL} on every screen it asks the
 * agent ({@code pc.notices}) and works out the one {@link Overlay} to draw over everything, most
 * pressing first: a staff message (until "OK", which the agent is told), a refusal of what the
 * visitor just asked, the closing warning (once at 10 minutes, once at 5), the state of a call for
 * the mentor (once per change), the grace offer near the end of a session (until taken or
 * declined). It also carries what the lock screen shows (locked, closed, reserved for a number)
 * and passes the session's time left to the countdown, so that a remote extension shows at once.
 *
 * <p>Plain Java like {@link SessionViewModel}: {@link #tick()} is called when {@link
 * #untilNextTick()} says; properties change on the calling thread and on {@code ui}; agent calls
 * run on {@code work}.
 */
public final class NoticesViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(NoticesViewModel.class);
    /** How often the agent is asked: a staff message or a help answer shows within this. */
    public static final Duration POLL = Duration.ofSeconds(2);
    /** The closing warnings, in minutes before closing. */
    private static final int FIRST_CLOSING_WARNING = 10;

    private static final int LAST_CLOSING_WARNING = 5;

    private final AgentClient agent;
    private final SessionViewModel session;
    private final LongSupplier nanoTime;
    private final Executor work;
    private final Executor ui;

    private final ReadOnlyObjectWrapper<PcMode> mode = new ReadOnlyObjectWrapper<>(this, "mode", PcMode.FREE);
    private final ReadOnlyObjectWrapper<Integer> reservedFor = new ReadOnlyObjectWrapper<>(this, "reservedFor");
    private final ReadOnlyObjectWrapper<Integer> minutesToClosing =
            new ReadOnlyObjectWrapper<>(this, "minutesToClosing");
    private final ReadOnlyObjectWrapper<HelpState> help = new ReadOnlyObjectWrapper<>(this, "help", HelpState.NONE);
    private final ReadOnlyObjectWrapper<Overlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay");
    private final BooleanBinding shutOut;
    private final BooleanBinding helpCalled;

    private Notices last;
    /** Staff messages the visitor has read; told to the agent again while it still lists them. */
    private final Set<String> read = new LinkedHashSet<>();
    /** The closing warning last raised (10 or 5), null while the club is not closing soon. */
    private Integer closingWarned;

    private boolean closingOpen;
    private boolean helpOpen;
    private Message refusal;
    /** The grace offer of this session was taken or declined (or is being taken). */
    private boolean graceAnswered;

    private boolean asking;
    private long lastAsked;
    private boolean agentAway;

    public NoticesViewModel(
            AgentClient agent, SessionViewModel session, LongSupplier nanoTime, Executor work, Executor ui) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.session = Objects.requireNonNull(session, "session");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.work = Objects.requireNonNull(work, "work");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.shutOut =
                Bindings.createBooleanBinding(() -> mode.get() == PcMode.LOCKED || mode.get() == PcMode.CLOSED, mode);
        this.helpCalled = Bindings.createBooleanBinding(() -> help.get() != HelpState.NONE, help);
        // a new session gets its own grace offer; refusals belong to the visitor who asked
        session.stateProperty().addListener((obs, old, now) -> {
            if (now == SessionViewModel.State.RUNNING || now == SessionViewModel.State.NONE) {
                graceAnswered = false;
                refusal = null;
                refresh();
            }
        });
        lastAsked = nanoTime.getAsLong() - POLL.toNanos();
    }

    /** What the PC is doing by the agent's account (LOCKED and CLOSED shut visitors out). */
    public ReadOnlyObjectProperty<PcMode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** True while staff took the PC out of service or the club is closed: no session starts. */
    public BooleanBinding shutOutProperty() {
        return shutOut;
    }

    /** The queue number this PC is held for, or null. */
    public ReadOnlyObjectProperty<Integer> reservedForProperty() {
        return reservedFor.getReadOnlyProperty();
    }

    /** Minutes until the club closes, when 10 or fewer; else null. */
    public ReadOnlyObjectProperty<Integer> minutesToClosingProperty() {
        return minutesToClosing.getReadOnlyProperty();
    }

    /** The state of this PC's call for the mentor. */
    public ReadOnlyObjectProperty<HelpState> helpProperty() {
        return help.getReadOnlyProperty();
    }

    /** True while a call for the mentor is on (called or seen): the help buttons stay lit. */
    public BooleanBinding helpCalledProperty() {
        return helpCalled;
    }

    /** The notice to draw over everything now, or null. */
    public ReadOnlyObjectProperty<Overlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** How long {@link #tick()} may wait: until the next question is due (a second when one is still out). */
    public Optional<Duration> untilNextTick() {
        long wait = lastAsked + POLL.toNanos() - nanoTime.getAsLong();
        return Optional.of(wait > 0 ? Duration.ofNanos(wait) : Duration.ofSeconds(1));
    }

    /** Asks the agent when the poll is due and no question is still out. */
    public void tick() {
        long now = nanoTime.getAsLong();
        if (!asking && now - lastAsked >= POLL.toNanos()) {
            lastAsked = now;
            asking = true;
            work.execute(this::ask);
        }
    }

    private void ask() {
        try {
            Notices notices = agent.notices();
            ui.execute(() -> {
                asking = false;
                follow(notices);
            });
        } catch (AgentUnavailableException e) {
            ui.execute(() -> {
                asking = false;
                if (!agentAway) {
                    // every 2 s: said once, not at every poll
                    LOG.warn("cannot ask the agent for its notices: {}", e.getMessage());
                    agentAway = true;
                }
            });
        }
    }

    private void follow(Notices notices) {
        if (agentAway) {
            LOG.info("the agent answers its notices again");
            agentAway = false;
        }
        last = notices;
        mode.set(notices.mode());
        reservedFor.set(notices.reservedFor());
        followClosing(notices.minutesToClosing());
        setHelp(notices.help());
        ShownMessage message = notices.message();
        if (message != null && read.contains(message.id())) {
            // the last "told the agent" was lost, or is still on its way: telling again is harmless
            acknowledge(message.id());
        }
        read.retainAll(message == null ? Set.of() : Set.of(message.id()));
        if (session.stateProperty().get() == SessionViewModel.State.RUNNING) {
            if (notices.remainingSeconds() != null) {
                session.followAgent(Duration.ofSeconds(Math.max(0, notices.remainingSeconds())));
            } else if (notices.mode() != PcMode.IN_SESSION) {
                // staff ended it, or the club closed: the heartbeat's answer ends it here now
                session.checkWithAgent();
            }
        }
        refresh();
    }

    private void followClosing(Integer minutes) {
        if (minutes == null || minutes > FIRST_CLOSING_WARNING) {
            minutesToClosing.set(null);
            closingWarned = null;
            closingOpen = false;
            return;
        }
        minutesToClosing.set(Math.max(0, minutes));
        int threshold = minutes <= LAST_CLOSING_WARNING ? LAST_CLOSING_WARNING : FIRST_CLOSING_WARNING;
        if (closingWarned == null || threshold < closingWarned) {
            closingWarned = threshold;
            closingOpen = true;
        }
    }

    private void setHelp(HelpState state) {
        if (state != help.get()) {
            help.set(state);
            // each new state is told once: "called", then "the mentor is coming"
            helpOpen = state != HelpState.NONE;
        }
    }

    /** Works out the overlay due now from what is known. */
    private void refresh() {
        overlay.set(due());
    }

    private Overlay due() {
        ShownMessage message = last == null ? null : last.message();
        if (message != null && !read.contains(message.id())) {
            return new Overlay(
                    Overlay.Kind.MESSAGE,
                    Message.of("notice.message.title"),
                    Message.of("notice.message.body", message.text()),
                    Message.of("notice.ok"),
                    null);
        }
        if (refusal != null) {
            return new Overlay(
                    Overlay.Kind.REFUSAL, Message.of("notice.refused.title"), refusal, Message.of("notice.ok"), null);
        }
        if (closingOpen && minutesToClosing.get() != null) {
            return new Overlay(
                    Overlay.Kind.CLOSING,
                    Message.of("notice.closing.title", minutesToClosing.get()),
                    Message.of(
                            session.stateProperty().get() == SessionViewModel.State.RUNNING
                                    ? "notice.closing.body"
                                    : "notice.closing.bodyNoSession"),
                    Message.of("notice.ok"),
                    null);
        }
        if (helpOpen && help.get() != HelpState.NONE) {
            boolean seen = help.get() == HelpState.SEEN;
            return new Overlay(
                    Overlay.Kind.HELP,
                    Message.of(seen ? "notice.help.seen.title" : "notice.help.called.title"),
                    Message.of(seen ? "notice.help.seen.body" : "notice.help.called.body"),
                    Message.of("notice.ok"),
                    null);
        }
        if (graceOffered()) {
            int minutes = last.graceMinutes();
            return new Overlay(
                    Overlay.Kind.GRACE,
                    Message.of("notice.grace.title"),
                    Message.of("notice.grace.body", minutes),
                    Message.of("notice.grace.take", minutes),
                    Message.of("notice.grace.decline"));
        }
        return null;
    }

    private boolean graceOffered() {
        return last != null
                && last.graceMinutes() > 0
                && !graceAnswered
                && session.stateProperty().get() == SessionViewModel.State.RUNNING;
    }

    /** The overlay's main button: "OK", or "Yes, N more minutes" on the grace offer. */
    public void confirm() {
        Overlay shown = overlay.get();
        if (shown == null) {
            return;
        }
        switch (shown.kind()) {
            case MESSAGE -> {
                String id = last.message().id();
                read.add(id);
                acknowledge(id);
            }
            case REFUSAL -> refusal = null;
            case CLOSING -> closingOpen = false;
            case HELP -> helpOpen = false;
            case GRACE -> takeGrace();
            default -> throw new IllegalStateException("unexpected overlay " + shown.kind());
        }
        refresh();
    }

    /** The overlay's second button, "No, thanks" on the grace offer: it is not offered again this session. */
    public void decline() {
        Overlay shown = overlay.get();
        if (shown != null && shown.kind() == Overlay.Kind.GRACE) {
            graceAnswered = true;
            refresh();
        }
    }

    private void acknowledge(String id) {
        work.execute(() -> {
            try {
                agent.acknowledgeNotice(id);
            } catch (AgentUnavailableException e) {
                // still read here; the next poll that lists it tells the agent again
                LOG.warn("could not tell the agent message {} was read: {}", id, e.getMessage());
            }
        });
    }

    private void takeGrace() {
        graceAnswered = true;
        work.execute(() -> {
            try {
                Duration left = agent.takeGrace();
                LOG.info("grace block taken: {} left", left);
                ui.execute(() -> session.followAgent(left));
            } catch (AgentRefusedException e) {
                LOG.warn("the agent refused the grace block: {} ({})", e.getMessage(), e.code());
                ui.execute(() -> refuse(e.code()));
            } catch (AgentUnavailableException e) {
                LOG.warn("cannot take the grace block: {}", e.getMessage());
                ui.execute(() -> refuse(ErrorCodes.UNAVAILABLE));
            }
        });
    }

    /** Someone at the PC calls the mentor: the session bar's or the lock screen's "Help". */
    public void callHelp() {
        work.execute(() -> {
            try {
                HelpState state = agent.callHelp();
                ui.execute(() -> {
                    if (state == help.get()) {
                        // pressed again while already called: tell them again that it is on its way
                        helpOpen = state != HelpState.NONE;
                    } else {
                        setHelp(state);
                    }
                    refresh();
                });
            } catch (AgentUnavailableException e) {
                LOG.warn("cannot call the mentor: {}", e.getMessage());
                ui.execute(() -> refuse(ErrorCodes.UNAVAILABLE));
            }
        });
    }

    private void refuse(String code) {
        refusal = refusalText(code);
        refresh();
    }

    /** Why the agent said no, in the visitor's words. */
    static Message refusalText(String code) {
        return Message.of(
                switch (code) {
                    case ErrorCodes.QUEUE_WAITING -> "notice.refused.queueWaiting";
                    case ErrorCodes.CLOSED -> "notice.refused.closed";
                    case ErrorCodes.NOT_ALLOWED -> "notice.refused.notAllowed";
                    case ErrorCodes.SESSION_ENDED, ErrorCodes.SESSION_AUTH_REQUIRED -> "notice.refused.sessionOver";
                    default -> "notice.refused.unavailable";
                });
    }
}
