package bg.digiclub.collector.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

import bg.digiclub.collector.auth.Role;
import bg.digiclub.collector.report.HealthLight;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * A page's texts in one language: the dashboard's own (bundle {@value #PAGES}) and the labels it
 * shares with the kiosk (bundle {@value #LABELS}), so that an age band or a tile category reads
 * the same on the visitor's screen and in the municipality's report. Numbers and times are
 * written here too, one way for every page. A request's texts also know where the top bar's
 * language switch leads: back to the page they are shown on.
 */
public final class PageText {
    /** Base name of {@code messages_bg.properties} and {@code messages_en.properties}. */
    public static final String PAGES = "bg.digiclub.collector.web.messages";
    /** Base name of the labels shared with the kiosk. */
    public static final String LABELS = "bg.digiclub.common.i18n.labels";

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final PageLanguage language;
    private final ResourceBundle pages;
    private final ResourceBundle labels;
    private final String returnPath;

    public PageText(PageLanguage language) {
        this.language = Objects.requireNonNull(language, "language");
        // both bundles are complete in each language (PageTextTest), so no fallback chain
        this.pages = ResourceBundle.getBundle(PAGES, language.locale(), NoFallback.INSTANCE);
        this.labels = ResourceBundle.getBundle(LABELS, language.locale(), NoFallback.INSTANCE);
        this.returnPath = null;
    }

    private PageText(PageText texts, String returnPath) {
        this.language = texts.language;
        this.pages = texts.pages;
        this.labels = texts.labels;
        this.returnPath = returnPath;
    }

    /**
     * These texts for a page whose language switch comes back to {@code returnPath} (a local path
     * and query, {@link ReturnPath}); null goes to the start page.
     */
    PageText withReturnPath(String returnPath) {
        return new PageText(this, returnPath);
    }

    /** The top bar's link to the other language, back to this page when it has a path to come back to. */
    public String languageLink() {
        String link = "/language/" + get("language.other");
        return returnPath == null
                ? link
                : link + "?" + ReturnPath.PARAMETER + "=" + URLEncoder.encode(returnPath, StandardCharsets.UTF_8);
    }

    public PageLanguage language() {
        return language;
    }

    /** The text of a key; with arguments, a {@link MessageFormat} pattern (pass numbers as text). */
    public String get(String key, Object... args) {
        String pattern = pages.getString(Objects.requireNonNull(key, "key"));
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }

    public String age(AgeBand band) {
        return labels.getString("age." + band.name());
    }

    public String sex(Sex sex) {
        return labels.getString("sex." + sex.name());
    }

    public String tile(TileCategory category) {
        return labels.getString("tile." + category.name());
    }

    public String light(HealthLight light) {
        return get("light." + light.name());
    }

    public String role(Role role) {
        return get("role." + role.name());
    }

    /** The short name of a weekday, 1 = Monday as {@link java.time.DayOfWeek}. */
    public String weekday(int isoDay) {
        if (isoDay < 1 || isoDay > 7) {
            throw new IllegalArgumentException("a weekday is 1 (Monday) to 7, was " + isoDay);
        }
        return get("weekday." + isoDay);
    }

    /** A count with a thin space between thousands, as Bulgarian (and SI) writes numbers. */
    public static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', '\u202f');
    }

    /** Minutes as hours with one decimal. */
    public static String hours(long minutes) {
        return String.format(Locale.ROOT, "%.1f", minutes / 60.0);
    }

    /** A moment as local date and minute, "—" when there is none. */
    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? "—" : MINUTE.format(instant.atZone(zone));
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
