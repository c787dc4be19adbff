package bg.digiclub.collector.cards;

import java.time.LocalDate;

import bg.digiclub.common.config.ConfigProperties;

/**
 * How long the collector keeps the days each club card had a visit ({@code card_visits}, the
 * pseudonymous attendance log behind distinct member counts; docs/privacy.md, "Member cards"): key
 * {@value #KEY}, default {@value #DEFAULT_DAYS} days, a little over the five years the programme
 * asks its figures to be kept for. A shorter value makes the member counts of older periods
 * incomplete (their visits are gone).
 *
 * @param days the days kept, today included
 */
public record CardVisitRetention(int days) {
    public static final String KEY = "report.card-visits-days";
    public static final int DEFAULT_DAYS = 1_900;
    /** Ten times the default: past that a municipality keeps it for no report. */
    public static final int MAX_DAYS = 19_000;

    public static final CardVisitRetention DEFAULT = new CardVisitRetention(DEFAULT_DAYS);

    public CardVisitRetention {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException(KEY + " must be 1-" + MAX_DAYS + " days, was " + days);
        }
    }

    /** From the configuration ({@value #KEY}); a bad value names the file and key. */
    public static CardVisitRetention fromConfig(ConfigProperties config) {
        return new CardVisitRetention(config.integer(KEY, DEFAULT_DAYS, 1, MAX_DAYS));
    }

    /** The oldest day kept when it is {@code today}. */
    public LocalDate firstKept(LocalDate today) {
        return today.minusDays(days - 1L);
    }
}
