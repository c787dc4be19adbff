package bg.digiclub.collector.web;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages the dashboard speaks, Bulgarian first: the municipality's staff read it in
 * Bulgarian whatever their browser's language; a reviewer of the programme may switch to English
 * with the link in the top bar, which the dashboard remembers in a cookie.
 */
public enum PageLanguage {
    BG(Locale.forLanguageTag("bg-BG")),
    EN(Locale.ENGLISH);

    private final Locale locale;

    PageLanguage(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The code for {@code <html lang>}: {@code bg} or {@code en}. */
    public String code() {
        return locale.getLanguage();
    }

    /** The language of a code such as {@code bg} or {@code EN}, if it is one of ours. */
    public static Optional<PageLanguage> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (PageLanguage language : values()) {
            if (language.name().equalsIgnoreCase(code.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
