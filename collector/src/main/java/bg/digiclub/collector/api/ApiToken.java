package bg.digiclub.collector.api;

import java.time.Instant;
import java.util.Objects;

import bg.digiclub.collector.report.programme.ReportScope;

/**
 * A read API token as stored: never the token itself, only what it may read and its history. Listed
 * by the CLI and the dashboard's tokens page; revoked tokens stay listed.
 *
 * @param id         the first 12 hex digits of the token's SHA-256: how the CLI and the page name it
 * @param name       what the token is for ("Power BI of the town hall")
 * @param scope      the municipality (every club) or the one club it may read
 * @param createdBy  the dashboard user or {@code cli:<account>} that made it
 * @param revokedAt  when it was revoked, or null
 * @param lastUsedAt when it last opened a report (to the minute), or null
 */
public record ApiToken(
        String id,
        String name,
        ReportScope scope,
        String createdBy,
        Instant createdAt,
        Instant revokedAt,
        Instant lastUsedAt) {
    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** True if this token may read the report of {@code wanted}: a municipality token any, a club token its club only. */
    public boolean mayRead(ReportScope wanted) {
        return scope.isMunicipality() || scope.equals(wanted);
    }

    /** How the scope is written on the command line, in the API and on the page: {@code municipality} or the club's id. */
    public String scopeName() {
        return scope.name();
    }
}
