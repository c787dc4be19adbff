package bg.digiclub.agent.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.session.SessionLedger;
import bg.digiclub.agent.store.Database;
import bg.digiclub.common.link.wire.LoginOutcome;
import bg.digiclub.support.secret.RandomDigits;
import bg.digiclub.support.secret.SlowHash;
import bg.digiclub.support.sql.Migrations;
import bg.digiclub.support.sql.SingleConnection;
import bg.digiclub.testsupport.TestClock;

/** Cards made before club-wide cards (migration V14) are kept: same code, PIN, declaration and state. */
class ClubCardsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void cardsOfThisPcSurviveTheMoveToClubCards() throws Exception {
        Path file = dir.resolve(Database.FILE_NAME);
        SlowHash pins = new SlowHash(SlowHash.MIN_ITERATIONS);
        Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (SingleConnection before = new SingleConnection(raw, "before V14", false)) {
            Migrations all = Migrations.listedIn(Database.class.getClassLoader(), "db/migration/");
            new Migrations(all.all().stream().filter(m -> m.version() <= 13).toList()).migrate(before);
            before.write(c -> {
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO member_card (code, pin_hash, age_band, sex, "
                                + "disabled, created_at) VALUES (?, ?, ?, ?, ?, 1)")) {
                    ps.setString(1, "12345678");
                    ps.setString(2, pins.hash("654321".toCharArray()));
                    ps.setString(3, "AGE_18_24");
                    ps.setString(4, "FEMALE");
                    ps.setInt(5, 0);
                    ps.executeUpdate();
                    ps.setString(1, "87654321");
                    ps.setString(2, pins.hash("111111".toCharArray()));
                    ps.setString(3, null);
                    ps.setString(4, null);
                    ps.setInt(5, 1);
                    return ps.executeUpdate();
                }
            });
        }
        try (Database db = Database.open(file)) {
            ClubCardReplica replica = new ClubCardReplica(db);
            SqliteMemberStore store = new SqliteMemberStore(
                    db,
                    pins,
                    new RandomDigits(new SecureRandom()),
                    LockoutPolicy.DEFAULT,
                    new Allowances(Duration.ofMinutes(60), Duration.ofMinutes(90)),
                    new SessionLedger(db),
                    replica,
                    TestClock.clubMorning());
            MemberLoginResult kept = store.login("12345678", "654321".toCharArray());
            assertEquals(LoginOutcome.OK, kept.outcome());
            assertEquals("AGE_18_24", kept.demographics().ageBand().name());
            assertEquals(
                    LoginOutcome.DISABLED,
                    store.login("87654321", "111111".toCharArray()).outcome());
            assertEquals(2, store.list().size());
            assertEquals(0, replica.unsynced(10).size(), "nothing to send before the club's key is known");
        }
    }
}
