package bg.digiclub.collector.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code audit verify} tells when the triggers that keep the log append-only were not in place, although
 * opening the database re-creates them: the start that finds them dropped, disabled or replaced writes that
 * into the chain first, and verify also looks at them on its own snapshot. On both databases.
 */
class LogGuardTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void droppedTriggersAreReportedNowAndForEverAfterTheStartThatRecreatesThem(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            long head = headSeq(f);
            f.dropTheGuard();
            Finding now = only(f.verify());
            assertEquals(Finding.Kind.LOG_UNGUARDED, now.kind());
            assertContains(now.text(), "are not in place now");
            assertContains(now.text(), "is missing");

            f.reopen();
            assertEquals(head + 1, headSeq(f), "the start wrote one line");
            assertEquals(ChainEntry.GUARD_RESTORED, f.text("SELECT kind FROM batch_log WHERE seq = " + (head + 1)));
            Finding recorded = only(f.verify());
            assertEquals(Finding.Kind.LOG_UNGUARDED, recorded.kind());
            assertEquals(head + 1, recorded.seq());
            assertContains(recorded.text(), "line " + (head + 1) + ": at 2026-");
            assertContains(recorded.text(), "re-created them");
            assertRefused(f);

            f.reopen();
            assertEquals(head + 1, headSeq(f), "a start that finds the triggers in place writes nothing");
            assertEquals(recorded, only(f.verify()), "the record stays");
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aTriggerReplacedByOneOfTheSameNameThatRefusesNothingIsNotInPlace(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            if (kind.equals("postgresql")) {
                f.sql("CREATE OR REPLACE FUNCTION batch_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
                        + "BEGIN RETURN OLD; END $$");
            } else {
                f.sql("DROP TRIGGER batch_log_no_delete");
                f.sql("CREATE TRIGGER batch_log_no_delete BEFORE DELETE ON batch_log BEGIN SELECT 1; END");
            }
            assertEquals(1, f.sql("DELETE FROM batch_log WHERE seq = 1"), "the replacement refuses nothing");
            List<Finding> findings = f.verify().findings();
            Finding unguarded = findings.get(findings.size() - 1);
            assertEquals(Finding.Kind.LOG_UNGUARDED, unguarded.kind());
            assertContains(unguarded.text(), "was replaced");

            f.reopen();
            assertRefused(f);
            assertTrue(
                    f.verify().findings().stream()
                            .anyMatch(found -> found.kind() == Finding.Kind.LOG_UNGUARDED
                                    && found.text().contains("re-created them")),
                    "the start that re-created it says so");
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aDisabledTriggerIsNotInPlace(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            if (kind.equals("postgresql")) {
                f.sql("ALTER TABLE batch_log DISABLE TRIGGER batch_log_no_truncate");
                assertContains(only(f.verify()).text(), "batch_log_no_truncate is disabled");
            } else {
                // SQLite cannot disable one trigger: dropping is its only way
                f.sql("DROP TRIGGER batch_log_no_update");
                assertContains(only(f.verify()).text(), "batch_log_no_update is missing");
            }
            f.reopen();
            assertEquals(Finding.Kind.LOG_UNGUARDED, only(f.verify()).kind());
            assertEquals(List.of(), faults(f), "re-created as made");
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void theRecordCannotBeRemovedWithoutBreakingTheChain(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            f.dropTheGuard();
            f.reopen();
            long record = headSeq(f);
            f.dropTheGuard();
            assertEquals(1, f.sql("DELETE FROM batch_log WHERE seq = " + record));
            Finding first = f.verify().findings().get(0);
            assertEquals(Finding.Kind.BROKEN_LINK, first.kind());
            assertContains(first.text(), "the chain's head is line " + record);
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void theTriggersAnEarlierCollectorMadeAreInPlace(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            f.dropTheGuard();
            // word for word what BatchLog.prepare ran before LogGuard (session 9)
            if (kind.equals("postgresql")) {
                f.sql("CREATE OR REPLACE FUNCTION batch_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
                        + "BEGIN RAISE EXCEPTION 'batch_log is append-only: % refused', TG_OP; END $$");
                f.sql("DROP TRIGGER IF EXISTS batch_log_no_truncate ON batch_log");
                f.sql("CREATE TRIGGER batch_log_no_change BEFORE UPDATE OR DELETE ON batch_log "
                        + "FOR EACH ROW EXECUTE FUNCTION batch_log_refuse()");
                f.sql("CREATE TRIGGER batch_log_no_truncate BEFORE TRUNCATE ON batch_log "
                        + "FOR EACH STATEMENT EXECUTE FUNCTION batch_log_refuse()");
            } else {
                f.sql("CREATE TRIGGER IF NOT EXISTS batch_log_no_update BEFORE UPDATE ON batch_log "
                        + "BEGIN SELECT RAISE(ABORT, 'batch_log is append-only: UPDATE refused'); END");
                f.sql("CREATE TRIGGER IF NOT EXISTS batch_log_no_delete BEFORE DELETE ON batch_log "
                        + "BEGIN SELECT RAISE(ABORT, 'batch_log is append-only: DELETE refused'); END");
            }
            assertEquals(List.of(), faults(f));
            long head = headSeq(f);
            f.reopen();
            assertEquals(head, headSeq(f), "an upgraded collector's first start finds them in place");
            assertEquals(List.of(), f.verify().findings());
        }
    }

    /** What is wrong with the triggers now, read as verify reads it. */
    private static List<String> faults(AuditFixture f) throws SQLException {
        return f.db.read(LogGuard::faults);
    }

    private static long headSeq(AuditFixture f) throws SQLException {
        return f.number("SELECT seq FROM batch_log_head WHERE id = 1");
    }

    private static Finding only(AuditReport report) {
        assertEquals(1, report.findings().size(), report.findings().toString());
        return report.findings().get(0);
    }

    private static void assertRefused(AuditFixture f) {
        SQLException update =
                assertThrows(SQLException.class, () -> f.sql("UPDATE batch_log SET figures_hash = 'x' WHERE seq = 2"));
        assertContains(update.getMessage(), "batch_log is append-only");
        SQLException delete = assertThrows(SQLException.class, () -> f.sql("DELETE FROM batch_log WHERE seq = 2"));
        assertContains(delete.getMessage(), "batch_log is append-only");
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), "expected \"" + part + "\" in: " + text);
    }
}
