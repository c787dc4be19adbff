package bg.digiclub.kiosk.i18n;

import java.util.Locale;

/** The languages the kiosk speaks; Bulgarian first. */
public enum Language {
    BG(Locale.forLanguageTag("bg-BG")),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The language for a config value such as {@code bg} or {@code en}, ignoring case. */
    public static Language fromCode(String code) {
        for (Language language : values()) {
            if (language.name().equalsIgnoreCase(code.strip())) {
                return language;
            }
        }
        throw new IllegalArgumentException("must be bg or en, was '" + code + "'");
    }
}
