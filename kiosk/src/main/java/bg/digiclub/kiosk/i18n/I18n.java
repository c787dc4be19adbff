package bg.digiclub.kiosk.i18n;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The language the kiosk speaks right now and its texts. Views bind labels to
 * {@link #text(String)} so a language switch changes every visible string at once.
 */
public final class I18n {
    /** Base name of the bundles {@code messages_bg.properties} and {@code messages_en.properties}. */
    public static final String BUNDLE = "bg.digiclub.kiosk.i18n.messages";
    /**
     * Base name of the labels the kiosk shares with the collector's dashboard (age bands, sex,
     * tile categories), so that both name a thing alike; keys {@code age.*}, {@code sex.*},
     * {@code tile.*}.
     */
    public static final String LABELS = "bg.digiclub.common.i18n.labels";

    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);
    private final Map<Language, ResourceBundle> labels = new EnumMap<>(Language.class);
    private final ObjectProperty<Language> language;

    public I18n(Language initial) {
        Objects.requireNonNull(initial, "initial");
        for (Language each : Language.values()) {
            // the bundles are complete in each language (I18nBundlesTest), so no fallback chain
            bundles.put(each, ResourceBundle.getBundle(BUNDLE, each.locale(), NoFallback.INSTANCE));
            labels.put(each, ResourceBundle.getBundle(LABELS, each.locale(), NoFallback.INSTANCE));
        }
        language = new SimpleObjectProperty<>(this, "language", initial);
    }

    public ReadOnlyObjectProperty<Language> languageProperty() {
        return language;
    }

    public Language language() {
        return language.get();
    }

    public void use(Language next) {
        language.set(Objects.requireNonNull(next, "next"));
    }

    /** The text of a key in the current language, with {@link MessageFormat} arguments. */
    public String format(String key, Object... args) {
        ResourceBundle own = bundles.get(language.get());
        ResourceBundle shared = labels.get(language.get());
        String pattern;
        if (own.containsKey(key)) {
            pattern = own.getString(key);
        } else if (shared.containsKey(key)) {
            return shared.getString(key);
        } else {
            // a missing key is a bug caught by I18nBundlesTest; show the key rather than crash
            return key;
        }
        return args.length == 0
                ? pattern
                : new MessageFormat(pattern, language.get().locale()).format(args);
    }

    public String format(Message message) {
        return format(message.key(), message.args().toArray());
    }

    /** A text that follows the language switch. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> format(key, args), language);
    }

    /** A text for a message that may change; empty while the message is null. */
    public StringBinding text(ObservableValue<Message> message) {
        return Bindings.createStringBinding(
                () -> message.getValue() == null ? "" : format(message.getValue()), language, message);
    }

    /** A text computed from the language and other observables. */
    public StringBinding text(Callable<String> compute, Observable... dependencies) {
        Observable[] all = new Observable[dependencies.length + 1];
        all[0] = language;
        System.arraycopy(dependencies, 0, all, 1, dependencies.length);
        return Bindings.createStringBinding(compute, all);
    }

    /** Loads bundles without falling back to the JVM's default locale. */
    private static final class NoFallback extends ResourceBundle.Control {
        static final NoFallback INSTANCE = new NoFallback();

        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }
    }
}
