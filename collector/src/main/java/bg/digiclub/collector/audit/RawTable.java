package bg.digiclub.collector.audit;

import java.util.List;

/**
 * The tables that hold figures as the devices sent them, in the canonical order of {@link FiguresText}
 * (by name). A row belongs to the batch named in its {@code batch_id} (read by an index on it); rows stored
 * before migration V9 have none in {@code health_*}, {@code usage_demographics} and
 * {@code usage_tile_categories}, and belong, like every row of a batch stored before the chain, to the
 * genesis.
 */
enum RawTable {
    HEALTH_DAYS(
            "health_days",
            List.of(
                    Column.text("device_id"),
                    Column.number("day"),
                    Column.text("worst"),
                    Column.decimal("min_free_disk_percent"),
                    Column.decimal("max_cpu_celsius"),
                    Column.number("alert_count"),
                    Column.number("uptime_minutes"))),
    HEALTH_SNAPSHOTS(
            "health_snapshots",
            List.of(Column.text("device_id"), Column.number("at"), Column.text("overall"), Column.text("checks"))),
    USAGE_DAYS(
            "usage_days",
            List.of(
                    Column.text("device_id"),
                    Column.number("day"),
                    Column.number("sessions"),
                    Column.number("distinct_members"))),
    USAGE_DEMOGRAPHICS(
            "usage_demographics",
            List.of(
                    Column.text("device_id"),
                    Column.number("day"),
                    Column.text("age_band"),
                    Column.text("sex"),
                    Column.number("sessions"))),
    USAGE_HOURS(
            "usage_hours",
            List.of(
                    Column.text("device_id"),
                    Column.number("hour"),
                    Column.number("sessions"),
                    Column.number("guest_sessions"),
                    Column.number("member_sessions"),
                    Column.number("session_minutes"),
                    Column.number("powered_on_minutes"))),
    USAGE_TILE_CATEGORIES(
            "usage_tile_categories",
            List.of(
                    Column.text("device_id"),
                    Column.number("day"),
                    Column.text("category"),
                    Column.number("sessions")));

    /** A column and how its value is written in the canonical text. */
    record Column(String name, Kind kind) {
        enum Kind {
            TEXT,
            NUMBER,
            DECIMAL
        }

        static Column text(String name) {
            return new Column(name, Kind.TEXT);
        }

        static Column number(String name) {
            return new Column(name, Kind.NUMBER);
        }

        static Column decimal(String name) {
            return new Column(name, Kind.DECIMAL);
        }
    }

    final String table;

    final List<Column> columns;

    RawTable(String table, List<Column> columns) {
        this.table = table;
        this.columns = columns;
    }

    /** The row's columns, qualified with {@code t.}, comma-separated. */
    String selectList() {
        StringBuilder list = new StringBuilder();
        for (Column column : columns) {
            list.append(list.isEmpty() ? "" : ", ").append("t.").append(column.name());
        }
        return list.toString();
    }

    /** The condition that a row of {@code t} belongs to no batch in the log (or to none at all). */
    String outsideTheLog() {
        return "NOT EXISTS (SELECT 1 FROM batch_log l WHERE l.batch_id = t.batch_id)";
    }
}
