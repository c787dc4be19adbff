package bg.digiclub.collector.report.programme;

import java.util.Objects;
import java.util.Optional;

/**
 * Whom a programme report covers: the whole municipality (every club this collector holds) or one
 * club.
 *
 * @param clubId the club, or null for the municipality
 */
public record ReportScope(String clubId) {
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
}
