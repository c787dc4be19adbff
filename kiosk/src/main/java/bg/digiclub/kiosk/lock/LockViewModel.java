package bg.digiclub.kiosk.lock;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import bg.digiclub.common.link.wire.HelpState;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.navigation.KioskViewModel;
import bg.digiclub.kiosk.navigation.Screen;
import bg.digiclub.kiosk.notices.NoticesViewModel;
import bg.digiclub.kiosk.ui.DisplayMode;

/**
 * The lock screen: the club's name, the date and time, language and display switches, three ways
 * in, "Help", and what the agent's notices say of this PC (out of service, the club closed or
 * closing soon, reserved for a queue number, the mentor called).
 */
public final class LockViewModel {
    private final String clubName;
    private final KioskViewModel kiosk;
    private final I18n i18n;
    private final DisplayMode displayMode;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<ZonedDateTime> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final BooleanBinding preparing;
    private final BooleanBinding visitorsShutOut;
    private final BooleanBinding welcoming;
    private final NoticesViewModel notices;
    private final ObjectBinding<Message> state;
    private final ObjectBinding<Message> reservedTitle;
    private final ObjectBinding<Message> reservedBody;
    private final ObjectBinding<Message> closingSoon;
    private final ObjectBinding<Message> helpStatus;

    public LockViewModel(
            String clubName,
            KioskViewModel kiosk,
            NoticesViewModel notices,
            I18n i18n,
            DisplayMode displayMode,
            Clock clock) {
        this.clubName = Objects.requireNonNull(clubName, "clubName");
        this.kiosk = Objects.requireNonNull(kiosk, "kiosk");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.displayMode = Objects.requireNonNull(displayMode, "displayMode");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.preparing =
                Bindings.createBooleanBinding(() -> kiosk.screen() == Screen.PREPARING, kiosk.screenProperty());
        this.visitorsShutOut = preparing.or(kiosk.outOfOrderProperty()).or(notices.shutOutProperty());
        this.welcoming =
                kiosk.outOfOrderProperty().or(notices.shutOutProperty()).not();
        this.state = Bindings.createObjectBinding(
                () -> switch (notices.modeProperty().get()) {
                    case LOCKED -> Message.of("lock.state.locked");
                    case CLOSED -> Message.of("lock.state.closed");
                    default -> null;
                },
                notices.modeProperty());
        this.reservedTitle = reserved("lock.reserved.title");
        this.reservedBody = reserved("lock.reserved.body");
        this.closingSoon = Bindings.createObjectBinding(
                () -> notices.minutesToClosingProperty().get() == null
                                || notices.modeProperty().get() == PcMode.CLOSED
                        ? null
                        : Message.of(
                                "lock.closingSoon",
                                notices.minutesToClosingProperty().get()),
                notices.minutesToClosingProperty(),
                notices.modeProperty());
        this.helpStatus = Bindings.createObjectBinding(
                () -> notices.helpProperty().get() == HelpState.SEEN
                        ? Message.of("lock.help.seen")
                        : notices.helpProperty().get() == HelpState.CALLED ? Message.of("lock.help.called") : null,
                notices.helpProperty());
        refreshClock();
    }

    private ObjectBinding<Message> reserved(String key) {
        return Bindings.createObjectBinding(
                () -> notices.reservedForProperty().get() == null
                                || notices.shutOutProperty().get()
                        ? null
                        : Message.of(key, notices.reservedForProperty().get()),
                notices.reservedForProperty(),
                notices.shutOutProperty());
    }

    /** Out of service (staff locked it) or the club closed, or null: said in place of the welcome. */
    public ObjectBinding<Message> stateProperty() {
        return state;
    }

    /** "Reserved for №7" while the PC is held for a queue number, else null. */
    public ObjectBinding<Message> reservedTitleProperty() {
        return reservedTitle;
    }

    /** The sentence under "Reserved for №7", else null. */
    public ObjectBinding<Message> reservedBodyProperty() {
        return reservedBody;
    }

    /** "The club closes in 8 minutes." in the last 10 minutes before closing, else null. */
    public ObjectBinding<Message> closingSoonProperty() {
        return closingSoon;
    }

    /** "The mentor has been called." / "The mentor is coming." beside the help button, else null. */
    public ObjectBinding<Message> helpStatusProperty() {
        return helpStatus;
    }

    /** True while the welcome ("choose how to start") is true: nothing shuts visitors out. */
    public BooleanBinding welcomingProperty() {
        return welcoming;
    }

    /** Someone at the lock screen calls the mentor. */
    public void callHelp() {
        notices.callHelp();
    }

    public String clubName() {
        return clubName;
    }

    /** The wall-clock time shown on the lock screen (display only; sessions never use it). */
    public ReadOnlyObjectProperty<ZonedDateTime> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** True while the computer is being prepared: the ways in are closed. */
    public BooleanBinding preparingProperty() {
        return preparing;
    }

    /** True while a visitor cannot start a session: preparing, or out of order (staff may still go in). */
    public BooleanBinding visitorsShutOutProperty() {
        return visitorsShutOut;
    }

    /** True while the PC is out of order: the welcome gives way to the notice. */
    public ReadOnlyBooleanProperty outOfOrderProperty() {
        return kiosk.outOfOrderProperty();
    }

    /** What the lock screen says about why no session can start just now, or null. */
    public ReadOnlyObjectProperty<Message> noticeProperty() {
        return kiosk.noticeProperty();
    }

    public ReadOnlyObjectProperty<Language> languageProperty() {
        return i18n.languageProperty();
    }

    public DisplayMode displayMode() {
        return displayMode;
    }

    public void refreshClock() {
        // to the minute: the screen shows no seconds, and fewer changes mean fewer repaints
        now.set(ZonedDateTime.now(clock).withSecond(0).withNano(0));
    }

    /** How long until the clock the lock screen shows (to the minute) goes on to the next minute. */
    public Duration untilClockChanges() {
        ZonedDateTime time = ZonedDateTime.now(clock);
        return Duration.between(time, time.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1));
    }

    public void useLanguage(Language language) {
        i18n.use(language);
    }

    public void toggleLargeText() {
        displayMode.toggleLargeText();
    }

    public void toggleHighContrast() {
        displayMode.toggleHighContrast();
    }

    /** No visitor gets past a PC staff took out of service or a closed club; staff still do. */
    public void startAsGuest() {
        if (!notices.shutOutProperty().get()) {
            kiosk.showGuest();
        }
    }

    public void memberLogin() {
        if (!notices.shutOutProperty().get()) {
            kiosk.showMember();
        }
    }

    public void staff() {
        kiosk.showStaff();
    }
}
