package bg.digiclub.collector.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table the collector holds, as {@link AuditExport} writes it: which rows belong to a period (by which
 * column, in which unit) and which columns are left out, with the reason. Every other column is written,
 * so a column added later is exported unless it is added here.
 *
 * @param orderBy the columns that order its rows (its key), so that two exports of the same data are equal
 */
public record ExportTable(
        String name, Period period, String periodColumn, String orderBy, Map<String, String> leftOut) {
    /** How a table's rows are chosen for a period. */
    public enum Period {
        /** Every row: what the period's rows refer to (clubs, devices), or small state tables. */
        ALL,
        /** An epoch day within the period's days. */
        DAY,
        /** A month key ({@link bg.digiclub.collector.calendar.MonthKey}) of a month the period touches. */
        MONTH,
        /** Epoch seconds within the period's days in its time zone. */
        SECONDS,
        /** Epoch milliseconds within the period's days in its time zone. */
        MILLIS
    }

    static final String TOKEN =
            "the hash of a device's bearer token: with it nobody can upload, but it is a credential's "
                    + "verifier, and an auditor needs which devices exist, not how they sign in";
    static final String CODE = "the hash of an enrolment code: a short code can be found from its hash";
    static final String REQUEST = "an enrolment request's key hash and the device token sealed under it: credentials";
    static final String PASSWORD = "a staff password's slow hash: a credential's verifier";
    static final String CARD_KEY = "the club's card key: with it, a card's code can be tested against its hash";
    static final String CARD_CODE = "a card's code hash: the card's credential and a pseudonymous member id; the audit "
            + "needs the cards' number and declared age band and sex, not who they are";
    static final String PIN = "a card PIN's slow hash: a credential's verifier";
    static final String API_TOKEN = "the hash of a read-API token: a credential's verifier";

    public ExportTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(orderBy, "orderBy");
        leftOut = Map.copyOf(leftOut);
        if ((period == Period.ALL) != (periodColumn == null)) {
            throw new IllegalArgumentException("table " + name + ": a period column goes with a period other than ALL");
        }
    }

    static ExportTable all(String name, String orderBy, Map<String, String> leftOut) {
        return new ExportTable(name, Period.ALL, null, orderBy, leftOut);
    }

    static ExportTable by(String name, Period period, String column, String orderBy) {
        return new ExportTable(name, period, column, orderBy, Map.of());
    }

    /** Every table of the collector's schema, in the order of the export. */
    public static final List<ExportTable> ALL_TABLES = List.of(
            all("clubs", "id", Map.of()),
            all("devices", "id", Map.of("token_hash", TOKEN)),
            all("enrolment_codes", "club_id, created_at", Map.of("code_hash", CODE)),
            new ExportTable(
                    "enrolment_requests",
                    Period.SECONDS,
                    "created_at",
                    "created_at, device_id",
                    Map.of("key_hash", REQUEST, "sealed_token", REQUEST, "code_hash", CODE)),
            all("users", "username", Map.of("password_hash", PASSWORD)),
            by("batches", Period.MILLIS, "received_at", "received_at, batch_id"),
            by("batch_log", Period.MILLIS, "received_at", "seq"),
            all("batch_log_head", "id", Map.of()),
            by("usage_hours", Period.SECONDS, "hour", "device_id, hour"),
            by("usage_days", Period.DAY, "day", "device_id, day"),
            by("usage_demographics", Period.DAY, "day", "device_id, day, age_band, sex"),
            by("usage_tile_categories", Period.DAY, "day", "device_id, day, category"),
            by("health_snapshots", Period.SECONDS, "at", "device_id, at"),
            by("health_days", Period.DAY, "day", "device_id, day"),
            by("club_days", Period.DAY, "day", "club_id, day"),
            by("club_months", Period.MONTH, "month", "club_id, month"),
            by("club_hours", Period.DAY, "day", "club_id, day, hour_of_day"),
            by("club_demographics", Period.DAY, "day", "club_id, day, age_band, sex"),
            by("club_tile_categories", Period.DAY, "day", "club_id, day, category"),
            by("device_days", Period.DAY, "day", "device_id, day"),
            all("collector_instances", "id", Map.of()),
            all("live_states", "device_id", Map.of()),
            by("live_commands", Period.SECONDS, "issued_at", "device_id, seq"),
            by("live_audit", Period.SECONDS, "at", "club_id, seq"),
            all("club_settings", "club_id", Map.of()),
            by("live_queue", Period.DAY, "club_day", "club_id, club_day, number"),
            all("club_card_keys", "club_id", Map.of("card_key", CARD_KEY)),
            all("club_cards", "club_id, version", Map.of("code_hash", CARD_CODE, "pin_hash", PIN)),
            new ExportTable(
                    "club_card_minutes",
                    Period.DAY,
                    "day",
                    "club_id, day, device_id, minutes",
                    Map.of("code_hash", CARD_CODE)),
            by("card_visits", Period.DAY, "day", "club_id, day, card_id"),
            all("api_tokens", "created_at, id", Map.of("token_hash", API_TOKEN)),
            all("schema_version", "version", Map.of()));
}
