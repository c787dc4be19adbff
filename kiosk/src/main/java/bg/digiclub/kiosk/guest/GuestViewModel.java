package bg.digiclub.kiosk.guest;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.navigation.KioskViewModel;
import bg.digiclub.kiosk.session.SessionViewModel;

/**
 * The guest form: the club's rules to accept, then an optional age band and sex ("prefer not to
 * say" is the default and a full answer), then the session starts.
 */
public final class GuestViewModel {
    private final SessionViewModel session;
    private final KioskViewModel kiosk;
    private final RulesText rules;
    private final BooleanProperty rulesAccepted = new SimpleBooleanProperty(this, "rulesAccepted");
    private final ObjectProperty<AgeBand> ageBand = new SimpleObjectProperty<>(this, "ageBand", AgeBand.NOT_DECLARED);
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>(this, "sex", Sex.NOT_DECLARED);

    public GuestViewModel(SessionViewModel session, KioskViewModel kiosk, RulesText rules) {
        this.session = Objects.requireNonNull(session, "session");
        this.kiosk = Objects.requireNonNull(kiosk, "kiosk");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The club's rules in a language: its own text from config, or the built-in one (null). */
    public String rules(Language language) {
        return rules.rules(language);
    }

    /** The visitor ticks this; the session cannot start before. */
    public BooleanProperty rulesAcceptedProperty() {
        return rulesAccepted;
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return rulesAccepted;
    }

    public ObjectProperty<AgeBand> ageBandProperty() {
        return ageBand;
    }

    public ObjectProperty<Sex> sexProperty() {
        return sex;
    }

    /** Starts the guest session with what was declared, and clears the form for the next visitor. */
    public void start() {
        if (!rulesAccepted.get()) {
            throw new IllegalStateException("the rules must be accepted first");
        }
        Demographics declared = new Demographics(
                ageBand.get() == null ? AgeBand.NOT_DECLARED : ageBand.get(),
                sex.get() == null ? Sex.NOT_DECLARED : sex.get());
        clear();
        session.startGuest(declared);
    }

    public void back() {
        clear();
        kiosk.back();
    }

    private void clear() {
        rulesAccepted.set(false);
        ageBand.set(AgeBand.NOT_DECLARED);
        sex.set(Sex.NOT_DECLARED);
    }

    /** Where the rules come from: the club's config, per language. */
    @FunctionalInterface
    public interface RulesText {
        /** The club's rules in {@code language}, or null to show the built-in text. */
        String rules(Language language);
    }
}
