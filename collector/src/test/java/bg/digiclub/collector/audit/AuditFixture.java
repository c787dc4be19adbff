package bg.digiclub.collector.audit;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import bg.digiclub.collector.demo.DemoClubs;
import bg.digiclub.collector.demo.DemoSeeder;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.testing.TestDatabases;
import bg.digiclub.testsupport.TestClock;

/** A database with a few real clubs' demo figures stored through the store, and plain SQL on it, as an attacker has. */
final class AuditFixture implements AutoCloseable {
    final TestClock clock = new TestClock(Instant.parse("2026-11-25T06:00:00Z"));
    final String kind;
    private final String url;
    Database db;
    final List<DemoSeeder.SeededDevice> devices;

    /** Three clubs, ten days of usage (a batch per device-day) and two of health. */
    AuditFixture(String kind, Path temp) throws SQLException {
        this.kind = kind;
        url = TestDatabases.url(kind, temp);
        db = Database.open(url);
        DemoSeeder seeder = new DemoSeeder(db, clock);
        devices = seeder.enrol(DemoClubs.staraZagora().subList(0, 3));
        seeder.seed(devices, 10, 1, 2, 7);
    }

    /** Runs a statement as someone with the database's rights; the rows it changed. */
    int sql(String statement) throws SQLException {
        return db.write(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate(statement);
            }
        });
    }

    long number(String query) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(query);
                    ResultSet row = st.executeQuery()) {
                return row.next() ? row.getLong(1) : -1L;
            }
        });
    }

    String text(String query) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(query);
                    ResultSet row = st.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        });
    }

    /** Closes the database and opens it again, as a restarted collector (or {@code audit verify}) does. */
    void reopen() {
        db.close();
        db = Database.open(url);
    }

    /** Drops the triggers that refuse changes to the log, as someone with the database's rights can. */
    void dropTheGuard() throws SQLException {
        if (kind.equals("postgresql")) {
            sql("DROP TRIGGER batch_log_no_change ON batch_log");
        } else {
            sql("DROP TRIGGER batch_log_no_update");
            sql("DROP TRIGGER batch_log_no_delete");
        }
    }

    AuditReport verify() throws SQLException {
        return new AuditVerifier(db).verify();
    }

    @Override
    public void close() {
        db.close();
    }
}
