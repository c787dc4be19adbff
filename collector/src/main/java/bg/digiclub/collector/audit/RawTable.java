package bg.digiclub.collector.audit;

import java.util.List;

/**
 * The tables that hold figures as the devices sent them, in the canonical order of {@link FiguresText}
 * (by name). A row belongs to the batch named in its {@code batch_id}; demographics and tile categories
 * have no such column and belong to the batch that stored their device's day in {@code usage_days}
 * (a device-day is stored by exactly one batch: its primary key refuses a second).
 */
enum RawTable {
    HEALTH_DAYS(
            "health_days",
            false,
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
            false,
            List.of(Column.text("device_id"), Column.number("at"), Column.text("overall"), Column.text("checks"))),
    USAGE_DAYS(
            "usage_days",
            false,
            List.of(
                    Column.text("device_id"),
                    Column.number("day"),
                    Column.number("sessions"),
                    Column.number("distinct_members"))),
    USAGE_DEMOGRAPHICS(
            "usage_demographics",
            true,
            List.of(
                    Column.text("device_id"),
                    Column.number("day"),
                    Column.text("age_band"),
                    Column.text("sex"),
                    Column.number("sessions"))),
    USAGE_HOURS(
            "usage_hours",
            false,
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
            true,
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
    /** True if the row's batch is its device-day's in {@code usage_days}, not a column of its own. */
    final boolean batchOfDay;

    final List<Column> columns;

    RawTable(String table, boolean batchOfDay, List<Column> columns) {
        this.table = table;
        this.batchOfDay = batchOfDay;
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

    /** The expression of the batch a row of {@code t} belongs to, and the join that gives it. */
    String batchColumn() {
        return batchOfDay ? "d.batch_id" : "t.batch_id";
    }

    String from() {
        return table + " t" + (batchOfDay ? " JOIN usage_days d ON d.device_id = t.device_id AND d.day = t.day" : "");
    }

    /** The condition that a row of {@code t} belongs to no batch in the log (or to none at all). */
    String outsideTheLog() {
        return batchOfDay
                ? "NOT EXISTS (SELECT 1 FROM usage_days d JOIN batch_log l ON l.batch_id = d.batch_id "
                        + "WHERE d.device_id = t.device_id AND d.day = t.day)"
                : "NOT EXISTS (SELECT 1 FROM batch_log l WHERE l.batch_id = t.batch_id)";
    }
}
