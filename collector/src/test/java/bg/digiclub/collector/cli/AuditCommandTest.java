package bg.digiclub.collector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.collector.demo.DemoClubs;
import bg.digiclub.collector.demo.DemoSeeder;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.testing.CollectorCli;
import bg.digiclub.testsupport.TestClock;

/** {@code audit verify} and {@code audit export} on a real SQLite data directory. */
class AuditCommandTest {
    @TempDir
    Path temp;

    @Test
    void verifyHoldsThenNamesTheEditedBatchAndExportWritesTheFiles() throws Exception {
        String dir = temp.toString();
        String batch;
        try (Database db = Database.open(Database.sqliteUrl(temp))) {
            DemoSeeder seeder = new DemoSeeder(db, new TestClock(Instant.parse("2026-11-25T06:00:00Z")));
            seeder.seed(seeder.enrol(DemoClubs.staraZagora().subList(0, 2)), 5, 1, 1, 3);
            batch = db.read(c -> {
                try (PreparedStatement st =
                                c.prepareStatement("SELECT batch_id FROM usage_days ORDER BY day, device_id");
                        ResultSet row = st.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            });
        }
        String verified = CollectorCli.run("audit", "verify", "--data-dir", dir);
        assertTrue(verified.startsWith("0:batch log: "), verified);
        assertTrue(verified.contains("verified: every logged batch's figures"), verified);

        String export = CollectorCli.run(
                "audit",
                "export",
                "--data-dir",
                dir,
                "--from",
                "2026-11-20",
                "--to",
                "2026-11-24",
                "--out",
                temp.resolve("export").toString());
        assertTrue(export.startsWith("0:exported "), export);
        assertTrue(Files.isRegularFile(temp.resolve("export/manifest.json")));
        assertTrue(Files.isRegularFile(temp.resolve("export/usage_days.csv")));

        try (Database db = Database.open(Database.sqliteUrl(temp))) {
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate(
                            "UPDATE usage_days SET sessions = sessions + 3 WHERE batch_id = '" + batch + "'");
                }
            });
        }
        String failed = CollectorCli.run("audit", "verify", "--data-dir", dir);
        assertEquals("1", failed.substring(0, 1), failed);
        assertTrue(failed.contains("FAILED: batch " + batch), failed);
    }

    @Test
    void verifyNamesTheTriggersDroppedBeforeItOpenedTheDatabase() throws Exception {
        try (Database db = Database.open(Database.sqliteUrl(temp))) {
            DemoSeeder seeder = new DemoSeeder(db, new TestClock(Instant.parse("2026-11-25T06:00:00Z")));
            seeder.seed(seeder.enrol(DemoClubs.staraZagora().subList(0, 1)), 2, 1, 1, 3);
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TRIGGER batch_log_no_update");
                    return st.executeUpdate("DROP TRIGGER batch_log_no_delete");
                }
            });
        }
        // verify opens the database, which puts the triggers back: the opening records that first
        String failed = CollectorCli.run("audit", "verify", "--data-dir", temp.toString());
        assertEquals("1", failed.substring(0, 1), failed);
        assertTrue(failed.contains("the collector found the triggers that keep batch_log append-only missing"), failed);
        String again = CollectorCli.run("audit", "verify", "--data-dir", temp.toString());
        assertEquals("1", again.substring(0, 1), "a second run still says so: " + again);
    }
}
