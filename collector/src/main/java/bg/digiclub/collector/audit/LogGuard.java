package bg.digiclub.collector.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The triggers that keep {@code batch_log} append-only: they refuse UPDATE and DELETE (and TRUNCATE on
 * PostgreSQL). They are made here, not in a migration, because the two databases write triggers differently.
 *
 * <p>{@link #faults} says what is wrong with them as they are: a trigger missing, disabled (PostgreSQL's
 * {@code ALTER TABLE ... DISABLE TRIGGER}), or replaced by one of the same name that does something else (a
 * SQLite trigger's text, a PostgreSQL trigger's events and function, the function's body). {@link BatchLog#prepare}
 * asks before it re-creates them, so that their absence is written into the chain rather than silently mended,
 * and {@link AuditVerifier} asks on its snapshot.
 */
final class LogGuard {
    private static final String APPEND_ONLY = "batch_log is append-only";

    /** SQLite keeps a trigger's CREATE text as written ({@code IF NOT EXISTS} left out): so it is compared whole. */
    private static final Map<String, String> SQLITE = Map.of(
            "batch_log_no_update",
            "CREATE TRIGGER batch_log_no_update BEFORE UPDATE ON batch_log " + "BEGIN SELECT RAISE(ABORT, '"
                    + APPEND_ONLY + ": UPDATE refused'); END",
            "batch_log_no_delete",
            "CREATE TRIGGER batch_log_no_delete BEFORE DELETE ON batch_log " + "BEGIN SELECT RAISE(ABORT, '"
                    + APPEND_ONLY + ": DELETE refused'); END");

    private static final String PG_FUNCTION = "batch_log_refuse";
    private static final String PG_BODY = "BEGIN RAISE EXCEPTION '" + APPEND_ONLY + ": % refused', TG_OP; END";
    /**
     * PostgreSQL's triggers by name and {@code pg_trigger.tgtype}: ROW 1, BEFORE 2, DELETE 8, UPDATE 16,
     * TRUNCATE 32 (the server's {@code TRIGGER_TYPE_*} bits).
     */
    private static final Map<String, Integer> PG_TRIGGERS = Map.of(
            "batch_log_no_change", 1 | 2 | 8 | 16,
            "batch_log_no_truncate", 2 | 32);

    private LogGuard() {}

    /** What is wrong with the triggers now, one line each; empty if they stand as {@link #install} made them. */
    static List<String> faults(Connection c) throws SQLException {
        return BatchLog.isPostgres(c) ? postgresFaults(c) : sqliteFaults(c);
    }

    /** Creates the triggers, replacing any of the same names. */
    static void install(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (BatchLog.isPostgres(c)) {
                st.execute("CREATE OR REPLACE FUNCTION " + PG_FUNCTION + "() RETURNS trigger LANGUAGE plpgsql AS $$ "
                        + PG_BODY + " $$");
                for (String name : PG_TRIGGERS.keySet()) {
                    st.execute("DROP TRIGGER IF EXISTS " + name + " ON batch_log");
                }
                st.execute("CREATE TRIGGER batch_log_no_change BEFORE UPDATE OR DELETE ON batch_log "
                        + "FOR EACH ROW EXECUTE FUNCTION " + PG_FUNCTION + "()");
                st.execute("CREATE TRIGGER batch_log_no_truncate BEFORE TRUNCATE ON batch_log "
                        + "FOR EACH STATEMENT EXECUTE FUNCTION " + PG_FUNCTION + "()");
            } else {
                for (Map.Entry<String, String> trigger : SQLITE.entrySet()) {
                    st.execute("DROP TRIGGER IF EXISTS " + trigger.getKey());
                    st.execute(trigger.getValue());
                }
            }
        }
    }

    private static List<String> sqliteFaults(Connection c) throws SQLException {
        Map<String, String> found = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rows = st.executeQuery(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'batch_log'")) {
            while (rows.next()) {
                found.put(rows.getString(1), rows.getString(2));
            }
        }
        List<String> faults = new ArrayList<>();
        for (Map.Entry<String, String> trigger : sorted(SQLITE)) {
            String sql = found.get(trigger.getKey());
            if (sql == null) {
                faults.add(trigger.getKey() + " is missing");
            } else if (!sql.equals(trigger.getValue())) {
                faults.add(trigger.getKey() + " was replaced: " + sql);
            }
        }
        return faults;
    }

    private static List<String> postgresFaults(Connection c) throws SQLException {
        record Found(String enabled, int type, String function, String body) {}
        Map<String, Found> found = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rows = st.executeQuery("SELECT t.tgname, t.tgenabled, t.tgtype, p.proname, p.prosrc "
                        + "FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
                        + "WHERE t.tgrelid = 'batch_log'::regclass AND NOT t.tgisinternal")) {
            while (rows.next()) {
                found.put(
                        rows.getString(1),
                        new Found(rows.getString(2), rows.getInt(3), rows.getString(4), rows.getString(5)));
            }
        }
        List<String> faults = new ArrayList<>();
        for (Map.Entry<String, Integer> trigger : sorted(PG_TRIGGERS)) {
            Found f = found.get(trigger.getKey());
            if (f == null) {
                faults.add(trigger.getKey() + " is missing");
            } else if (!f.enabled().equals("O") && !f.enabled().equals("A")) {
                // 'D' disabled; 'R' fires only for a replication session
                faults.add(trigger.getKey() + " is disabled (tgenabled " + f.enabled() + ")");
            } else if (f.type() != trigger.getValue()) {
                faults.add(trigger.getKey() + " fires on other events (tgtype " + f.type() + ")");
            } else if (!f.function().equals(PG_FUNCTION)) {
                faults.add(trigger.getKey() + " runs another function: " + f.function());
            } else if (!f.body().strip().equals(PG_BODY)) {
                faults.add(trigger.getKey() + "'s function " + PG_FUNCTION + " was replaced: "
                        + f.body().strip());
            }
        }
        return faults;
    }

    /** A map's entries in name order, so that faults read the same every time. */
    private static <V> List<Map.Entry<String, V>> sorted(Map<String, V> map) {
        return map.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }
}
