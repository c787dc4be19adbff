package bg.digiclub.collector.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every stored batch has its line; the log is append-only; verify finds what was changed behind the collector's back. */
class BatchLogTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void everyStoredBatchHasItsLineAndTheChainHolds(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            long batches = f.number("SELECT COUNT(*) FROM batches");
            assertTrue(batches > 30, "the demo stored " + batches + " batches");
            assertEquals(batches + 1, f.number("SELECT COUNT(*) FROM batch_log"));
            assertEquals("GENESIS", f.text("SELECT kind FROM batch_log WHERE seq = 1"));
            assertEquals(
                    0,
                    f.number("SELECT COUNT(*) FROM batches b WHERE NOT EXISTS "
                            + "(SELECT 1 FROM batch_log l WHERE l.batch_id = b.batch_id)"));
            AuditReport report = f.verify();
            assertEquals(java.util.List.of(), report.findings());
            assertEquals(batches + 1, report.lines());
            assertEquals(batches, report.batches());
            assertEquals(batches + 1, report.head().seq());
            assertTrue(report.derivedRows() > 100, "derived rows compared: " + report.derivedRows());
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aFigureEditedWithSqlIsNamedWithItsBatch(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            String batch = f.text("SELECT batch_id FROM usage_hours WHERE sessions > 0 ORDER BY hour, device_id");
            assertEquals(
                    1,
                    f.sql("UPDATE usage_hours SET sessions = sessions + 1 WHERE batch_id = '" + batch
                            + "' AND hour = (SELECT MIN(hour) FROM usage_hours WHERE batch_id = '" + batch + "')"));
            AuditReport report = f.verify();
            Finding first = report.findings().get(0);
            assertEquals(Finding.Kind.FIGURES_CHANGED, first.kind());
            assertEquals(batch, first.batchId());
            assertContains(first.text(), "batch " + batch);
            // the club's sums no longer follow from the raw rows either
            assertTrue(
                    report.findings().stream().anyMatch(x -> x.kind() == Finding.Kind.DERIVED_DIFFERS),
                    report.findings().toString());
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aHealthFigureEditedWithSqlIsNamedWithItsBatch(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            String batch = f.text("SELECT batch_id FROM health_snapshots ORDER BY at, device_id");
            f.sql("UPDATE health_snapshots SET overall = 'OK', checks = '[]' WHERE batch_id = '" + batch + "'");
            Finding first = f.verify().findings().get(0);
            assertEquals(Finding.Kind.FIGURES_CHANGED, first.kind());
            assertEquals(batch, first.batchId());
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aReportFigureEditedInClubDaysIsFound(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            String club = f.text("SELECT club_id FROM club_days ORDER BY club_id, day");
            long day = f.number("SELECT MIN(day) FROM club_days WHERE club_id = '" + club + "'");
            f.sql("UPDATE club_days SET sessions = sessions + 40 WHERE club_id = '" + club + "' AND day = " + day);
            AuditReport report = f.verify();
            assertEquals(1, report.findings().size(), report.findings().toString());
            Finding found = report.findings().get(0);
            assertEquals(Finding.Kind.DERIVED_DIFFERS, found.kind());
            assertTrue(
                    found.text()
                            .startsWith("club_days club_id=" + club + " day=" + java.time.LocalDate.ofEpochDay(day)),
                    found.text());
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void updateAndDeleteOnTheLogAreRefused(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            SQLException update = assertThrows(
                    SQLException.class, () -> f.sql("UPDATE batch_log SET figures_hash = 'x' WHERE seq = 2"));
            assertContains(update.getMessage(), "batch_log is append-only");
            SQLException delete = assertThrows(SQLException.class, () -> f.sql("DELETE FROM batch_log WHERE seq = 2"));
            assertContains(delete.getMessage(), "batch_log is append-only");
            assertEquals(java.util.List.of(), f.verify().findings());
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aLineDeletedWithTheTriggerDroppedBreaksTheChainThere(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            f.dropTheGuard();
            String after = f.text("SELECT batch_id FROM batch_log WHERE seq = 6");
            assertEquals(1, f.sql("DELETE FROM batch_log WHERE seq = 5"));
            Finding first = f.verify().findings().get(0);
            assertEquals(Finding.Kind.BROKEN_LINK, first.kind());
            assertEquals(6, first.seq());
            assertEquals(after, first.batchId());
            assertContains(first.text(), "line 5 missing");
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void theLastLineDeletedWithItsRowsIsSeenAtTheHead(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            f.dropTheGuard();
            long last = f.number("SELECT MAX(seq) FROM batch_log");
            String batch = f.text("SELECT batch_id FROM batch_log WHERE seq = " + last);
            f.sql("DELETE FROM health_snapshots WHERE batch_id = '" + batch + "'");
            f.sql("DELETE FROM health_days WHERE batch_id = '" + batch + "'");
            f.sql("DELETE FROM batch_log WHERE seq = " + last);
            Finding first = f.verify().findings().get(0);
            assertEquals(Finding.Kind.BROKEN_LINK, first.kind());
            assertContains(first.text(), "the chain's head is line " + last);
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aLineRewrittenWithItsHashIsCaughtByTheNextLink(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            f.dropTheGuard();
            String batch = f.text("SELECT batch_id FROM batch_log WHERE seq = 3");
            // an attacker edits a figure and rewrites that batch's line to match, hash and all
            f.sql("UPDATE usage_days SET sessions = sessions + 1 WHERE batch_id = '" + batch + "'");
            String figures = f.db.read(c -> FiguresText.ofBatches(c, java.util.List.of(batch)))
                    .get(batch);
            ChainEntry old = f.db.read(c -> {
                try (var st = c.createStatement();
                        var r = st.executeQuery("SELECT seq, batch_id, device_id, kind, received_at, figures_hash, "
                                + "prev_hash, hash FROM batch_log WHERE seq = 3")) {
                    r.next();
                    return new ChainEntry(
                            r.getLong(1),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            r.getLong(5),
                            r.getString(6),
                            r.getString(7),
                            r.getString(8));
                }
            });
            ChainEntry forged =
                    ChainEntry.next(3, batch, old.deviceId(), old.kind(), old.receivedAt(), figures, old.prevHash());
            f.sql("UPDATE batch_log SET figures_hash = '" + figures + "', hash = '" + forged.hash()
                    + "' WHERE seq = 3");
            Finding first = f.verify().findings().get(0);
            assertEquals(Finding.Kind.BROKEN_LINK, first.kind());
            assertEquals(4, first.seq());
            assertContains(first.text(), "prev_hash is not the hash of the line before");
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aRowAddedOutsideAnyBatchChangesWhatTheGenesisVouchesFor(String kind) throws Exception {
        try (AuditFixture f = new AuditFixture(kind, temp)) {
            String device = f.text("SELECT id FROM devices ORDER BY id");
            f.sql("INSERT INTO usage_hours (device_id, hour, sessions, guest_sessions, member_sessions, "
                    + "session_minutes, powered_on_minutes, batch_id) VALUES ('" + device + "', 3600, 9, 9, 0, 60, 60, "
                    + "'made-up')");
            Finding first = f.verify().findings().get(0);
            assertEquals(Finding.Kind.ROWS_OUTSIDE_CHANGED, first.kind());
            assertEquals(1, first.seq());
        }
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), "expected \"" + part + "\" in: " + text);
    }
}
