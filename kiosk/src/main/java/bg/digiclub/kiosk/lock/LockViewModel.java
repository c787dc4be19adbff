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
    private final NoticesViewModel notices;
    private final ObjectBinding<Message> state;
    private final BooleanBinding reserved;
    private final ObjectBinding<Message> reservedTitle;
    private final ObjectBinding<Message> closingSoon;
    private final ObjectBinding<Message> headline;

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
        this.state = Bindings.createObjectBinding(
                () -> switch (notices.modeProperty().get()) {
                    case LOCKED -> Message.of("lock.state.locked");
                    case CLOSED -> Message.of("lock.state.closed");
                    default -> null;
                },
                notices.modeProperty());
        this.reserved = Bindings.createBooleanBinding(
                () -> notices.reservedForProperty().get() != null
                        && !notices.shutOutProperty().get(),
                notices.reservedForProperty(),
                notices.shutOutProperty());
        this.reservedTitle = Bindings.createObjectBinding(
                () -> reserved.get()
                        ? Message.of(
                                "lock.reserved.title",
                                notices.reservedForProperty().get())
                        : null,
                reserved,
                notices.reservedForProperty());
        this.closingSoon = Bindings.createObjectBinding(
                () -> notices.minutesToClosingProperty().get() == null
                                || notices.modeProperty().get() == PcMode.CLOSED
                        ? null
                        : Message.of(
                                "lock.closingSoon",
                                notices.minutesToClosingProperty().get()),
                notices.minutesToClosingProperty(),
                notices.modeProperty());
        this.headline = Bindings.createObjectBinding(
                this::headline,
                notices.helpProperty(),
                kiosk.outOfOrderProperty(),
                kiosk.noticeProperty(),
                notices.shutOutProperty(),
                reserved,
                notices.reservedForProperty());
        refreshClock();
    }

    /**
     * The line under the clock: the help call's state while it is on; else nothing while no
     * visitor may start or a start was just refused (the reason is said instead); for a held PC, the number it waits for;
     * else "choose how to start".
     */
    private Message headline() {
        HelpState help = notices.helpProperty().get();
        if (help == HelpState.SEEN) {
            return Message.of("lock.help.seen");
        }
        if (help == HelpState.CALLED) {
            return Message.of("lock.help.called");
        }
        if (kiosk.outOfOrderProperty().get()
                || notices.shutOutProperty().get()
                || kiosk.noticeProperty().get() != null) {
            return null;
        }
        if (reserved.get()) {
            return Message.of(
                    "lock.reserved.body", notices.reservedForProperty().get());
        }
        return Message.of("lock.welcome");
    }

    /** Out of service (staff locked it) or the club closed, or null: said in place of the welcome. */
    public ObjectBinding<Message> stateProperty() {
        return state;
    }

    /** True while the PC is held for a queue number: "Reserved for №7" takes the clock's place. */
    public BooleanBinding reservedProperty() {
        return reserved;
    }

    /** "Reserved for №7" while the PC is held for a queue number, else null. */
    public ObjectBinding<Message> reservedTitleProperty() {
        return reservedTitle;
    }

    /** "The club closes in 8 minutes." in the last 10 minutes before closing, else null. */
    public ObjectBinding<Message> closingSoonProperty() {
        return closingSoon;
    }

    /** The line under the clock (see {@link #headline()}), or null. */
    public ObjectBinding<Message> headlineProperty() {
        return headline;
    }

    /** True while the mentor has been called from this PC: the help button stays lit. */
    public BooleanBinding helpCalledProperty() {
        return notices.helpCalledProperty();
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
