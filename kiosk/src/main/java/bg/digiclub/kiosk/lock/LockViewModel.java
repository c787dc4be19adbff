package bg.digiclub.kiosk.lock;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.navigation.KioskViewModel;
import bg.digiclub.kiosk.navigation.Screen;
import bg.digiclub.kiosk.ui.DisplayMode;

/** The lock screen: the club's name, the date and time, language and display switches, three ways in. */
public final class LockViewModel {
    private final String clubName;
    private final KioskViewModel kiosk;
    private final I18n i18n;
    private final DisplayMode displayMode;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<ZonedDateTime> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final BooleanBinding preparing;
    private final BooleanBinding visitorsShutOut;

    public LockViewModel(String clubName, KioskViewModel kiosk, I18n i18n, DisplayMode displayMode, Clock clock) {
        this.clubName = Objects.requireNonNull(clubName, "clubName");
        this.kiosk = Objects.requireNonNull(kiosk, "kiosk");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.displayMode = Objects.requireNonNull(displayMode, "displayMode");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.preparing =
                Bindings.createBooleanBinding(() -> kiosk.screen() == Screen.PREPARING, kiosk.screenProperty());
        this.visitorsShutOut = preparing.or(kiosk.outOfOrderProperty());
        refreshClock();
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

    public void startAsGuest() {
        kiosk.showGuest();
    }

    public void memberLogin() {
        kiosk.showMember();
    }

    public void staff() {
        kiosk.showStaff();
    }
}
