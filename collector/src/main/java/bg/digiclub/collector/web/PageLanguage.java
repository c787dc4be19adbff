package bg.digiclub.collector.web;

import java.util.List;
import java.util.Locale;

/**
 * The languages the dashboard speaks, Bulgarian first: the municipality's staff read it in
 * Bulgarian; the programme's reviewers may ask for English with their browser's language.
 */
public enum PageLanguage {
    BG(Locale.forLanguageTag("bg-BG")), EN(Locale.ENGLISH);

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

    /**
     * The language a browser's {@code Accept-Language} header prefers among ours; Bulgarian when it
     * names neither, is missing or cannot be read.
     */
    public static PageLanguage fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return BG;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return BG;
        }
        Locale best = Locale.lookup(ranges, List.of(BG.locale, Locale.forLanguageTag("bg"), EN.locale));
        return best != null && best.getLanguage().equals("en") ? EN : BG;
    }
}
