package bg.digiclub.agent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.testsupport.TestClock;

/**
 * A damaged database is replaced by a new one holding what could still be read of it (issue 9):
 * the PC stays enrolled, staff keep their PIN, members their cards, the ledger and the unsent
 * batches survive, and the CRIT alert says what was saved.
 */
class SalvageTest {
    private static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(NOW);

    private Path file() {
        return dir.resolve(Database.FILE_NAME);
    }

    /** A PC's database: enrolled, a staff PIN, members, sessions, two unsent batches, then a week of samples. */
    private void writeClubDatabase(int members) throws Exception {
        try (Database db = Database.open(file())) {
            db.write(c -> {
                exec(
                        c,
                        "INSERT INTO enrolment (id, collector_url, device_id, club_id, token, enrolled_at)"
                                + " VALUES (1, 'https://collector.test', '6f1c2a9e-7d3b-4c55-9a0e-2b8f6d1e7c34', 'sz-rodina-1860',"
                                + " 'device-token-secret', 1764000000)");
                exec(
                        c,
                        "INSERT OR REPLACE INTO upload_state (id, last_sequence, consecutive_failures, not_before)"
                                + " VALUES (1, 41, 0, 0)");
                exec(
                        c,
                        "INSERT INTO staff_pin (id, pin_hash, set_at) VALUES (1, 'pbkdf2$210000$salt$hash', 1764000000)");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_card (code, pin_hash, age_band, sex,"
                        + " created_at, changed_at) VALUES (?, ?, '65+', 'F', 1764000000, 1764000000)")) {
                    for (int i = 0; i < members; i++) {
                        ps.setString(1, String.format("%08d", 10_000_000 + i));
                        ps.setString(2, "pbkdf2$210000$salt-" + i + "$hash-of-the-members-pin-" + i);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO session (id, kind, age_band, sex, started_at,"
                                + " allowed_ms, ended_at, end_reason, closed_by, wipe_ok) VALUES (?, 'GUEST', '25-64', 'M', ?,"
                                + " 3600000, ?, 'LOGOUT', 'KIOSK', 1)")) {
                    for (int i = 0; i < 50; i++) {
                        ps.setString(1, "session-" + i);
                        ps.setLong(2, 1764000000L + i * 7200L);
                        ps.setLong(3, 1764000000L + i * 7200L + 1800);
                        ps.executeUpdate();
                    }
                }
                for (int seq = 40; seq <= 41; seq++) {
                    exec(
                            c,
                            "INSERT INTO outbox (batch_id, kind, sequence, created_at, payload, next_attempt_at)"
                                    + " VALUES ('batch-" + seq + "', 'USAGE', " + seq
                                    + ", 1764000000, x'1f8b0800', 0)");
                    exec(
                            c,
                            "INSERT INTO sealed_period (kind, period_start, batch_id) VALUES ('USAGE', "
                                    + (1764000000L + seq * 86400L) + ", 'batch-" + seq + "')");
                }
                return null;
            });
            SampleStore samples = new SampleStore(db, clock);
            for (int i = 0; i < 600; i++) {
                samples.append(RealisticSamples.sample(i, NOW.minusSeconds(30L * (600 - i))));
            }
        }
    }

    @Test
    void whatIsReadableIsCarriedIntoTheNewDatabaseAndTheAlertSaysSo() throws Exception {
        writeClubDatabase(20);
        List<Long> samplePages = pagesOf("sample");
        assertTrue(samplePages.size() > 10, "samples fill pages of their own: " + samplePages.size());
        damage(samplePages.subList(samplePages.size() / 3, samplePages.size()));

        try (Database db = new DatabaseOpener(dir, clock).open()) {
            assertEquals("ok", db.integrityCheck());
            assertEquals(
                    List.of("device-token-secret|41"),
                    rows(db, "SELECT e.token || '|' || u.last_sequence FROM enrolment e, upload_state u"));
            assertEquals(List.of("pbkdf2$210000$salt$hash"), rows(db, "SELECT pin_hash FROM staff_pin"));
            assertEquals(List.of("20"), rows(db, "SELECT count(*) FROM member_card"));
            assertEquals(List.of("50"), rows(db, "SELECT count(*) FROM session"));
            assertEquals(List.of("batch-40", "batch-41"), rows(db, "SELECT batch_id FROM outbox ORDER BY sequence"));
            assertEquals(List.of("2"), rows(db, "SELECT count(*) FROM sealed_period"));
            assertEquals(List.of("0"), rows(db, "SELECT count(*) FROM sample"), "samples are not carried over");

            List<AlertEvent> open = new AlertStore(db, clock).open();
            assertEquals(1, open.size());
            AlertEvent alert = open.get(0);
            assertEquals(DatabaseOpener.CHECK, alert.check());
            assertEquals(HealthStatus.CRIT, alert.status());
            assertTrue(
                    alert.detail().contains("enrolment 1")
                            && alert.detail().contains("member_card 20")
                            && alert.detail().contains("session 50")
                            && alert.detail().contains("outbox 2"),
                    alert.detail());
        }
    }

    @Test
    void aTableCutByADamagedPageKeepsTheRowsBeforeItAndIsReportedPartlyLost() throws Exception {
        writeClubDatabase(3000);
        List<Long> cardPages = pagesOf("member_card");
        assertTrue(cardPages.size() > 20, "cards span many pages: " + cardPages.size());
        damage(cardPages.subList(cardPages.size() / 2, cardPages.size() / 2 + 1));

        try (Database db = new DatabaseOpener(dir, clock).open()) {
            int saved = Integer.parseInt(
                    rows(db, "SELECT count(*) FROM member_card").get(0));
            assertTrue(saved > 0 && saved < 3000, "some cards saved, not all: " + saved);
            assertEquals(
                    List.of("device-token-secret|41"),
                    rows(db, "SELECT e.token || '|' || u.last_sequence FROM enrolment e, upload_state u"));
            assertEquals(List.of("50"), rows(db, "SELECT count(*) FROM session"));
            AlertEvent alert = new AlertStore(db, clock).open().get(0);
            assertTrue(
                    alert.detail().contains("Partly lost") && alert.detail().contains("member_card"), alert.detail());
        }
    }

    /**
     * Pages of a table's own b-tree (where its rows are; not its indexes: member_card has three since
     * V14, and a damaged index page loses no row), from SQLite's dbstat table.
     */
    private List<Long> pagesOf(String table) throws SQLException {
        try (Database db = Database.open(file())) {
            return db.read(c -> {
                List<Long> pages = new ArrayList<>();
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno")) {
                    ps.setString(1, table);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            pages.add(rs.getLong(1));
                        }
                    }
                }
                return pages;
            });
        }
    }

    private void damage(List<Long> pages) throws Exception {
        byte[] noise = new byte[4096];
        new Random(11).nextBytes(noise);
        try (RandomAccessFile f = new RandomAccessFile(file().toFile(), "rw")) {
            for (long page : pages) {
                f.seek((page - 1) * 4096);
                f.write(noise);
            }
        }
    }

    private static List<String> rows(Database db, String sql) throws SQLException {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
