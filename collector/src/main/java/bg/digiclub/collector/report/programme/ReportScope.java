package bg.digiclub.collector.report.programme;

import java.util.Objects;
import java.util.Optional;

import bg.digiclub.common.batch.BatchLimits;

/**
 * Whom a programme report covers: the whole municipality (every club this collector holds) or one
 * club.
 *
 * @param clubId the club, or null for the municipality
 */
public record ReportScope(String clubId) {
    /** How the municipality scope is written, in the API, the pages' links and the CSV. */
    public static final String MUNICIPALITY = "municipality";

    public ReportScope {
        if (clubId != null && clubId.isBlank()) {
            throw new IllegalArgumentException("a club id cannot be blank");
        }
    }

    public static ReportScope municipality() {
        return new ReportScope(null);
    }

    public static ReportScope club(String clubId) {
        return new ReportScope(Objects.requireNonNull(clubId, "clubId"));
    }

    public boolean isMunicipality() {
        return clubId == null;
    }

    public Optional<String> club() {
        return Optional.ofNullable(clubId);
    }

    /** The scope as written: {@value #MUNICIPALITY} or the club's id. */
    public String name() {
        return club().orElse(MUNICIPALITY);
    }

    /**
     * Reads a scope as written: {@value #MUNICIPALITY} or a club id ({@link BatchLimits#CLUB_ID}).
     *
     * @throws IllegalArgumentException naming what was wrong
     */
    public static ReportScope parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a scope is required: municipality or a club's id");
        }
        String t = text.strip();
        if (t.equals(MUNICIPALITY)) {
            return municipality();
        }
        if (!BatchLimits.CLUB_ID.matcher(t).matches()) {
            throw new IllegalArgumentException("not a scope: '" + t + "' (municipality or a club's id such as "
                    + "sz-rodina-1860: lowercase letters, digits, dashes)");
        }
        return club(t);
    }
}
