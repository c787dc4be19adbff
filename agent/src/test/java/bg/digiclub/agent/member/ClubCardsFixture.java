package bg.digiclub.agent.member;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.session.SessionLedger;
import bg.digiclub.agent.store.Database;
import bg.digiclub.support.secret.KeyedHash;
import bg.digiclub.support.secret.RandomDigits;
import bg.digiclub.support.secret.SlowHash;
import bg.digiclub.testsupport.TestClock;

/**
 * What the club-card tests share: a real agent database with the ledger, the club's card replica
 * and the member store over it, a club key as the collector would give it, and the test clock on a
 * club morning.
 */
abstract class ClubCardsFixture {
    static final SlowHash PINS = new SlowHash(SlowHash.MIN_ITERATIONS);
    static final String KEY = KeyedHash.newKey(new SecureRandom());
    static final KeyedHash HASH = new KeyedHash(KEY);

    @TempDir
    Path dir;

    Database db;
    SessionLedger ledger;
    ClubCardReplica replica;
    TestClock clock = TestClock.clubMorning();
    SqliteMemberStore store;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve(Database.FILE_NAME));
        ledger = new SessionLedger(db);
        replica = new ClubCardReplica(db);
        store = new SqliteMemberStore(
                db,
                PINS,
                new RandomDigits(new SecureRandom()),
                LockoutPolicy.DEFAULT,
                new Allowances(Duration.ofMinutes(60), Duration.ofMinutes(90)),
                ledger,
                replica,
                clock);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }
}
