package bg.digiclub.agent.member;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import bg.digiclub.agent.member.LockoutPolicy.LockState;
import bg.digiclub.agent.member.MemberStoreException.Reason;
import bg.digiclub.agent.store.Database;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.wire.LoginOutcome;
import bg.digiclub.support.secret.SlowHash;
import bg.digiclub.support.sql.Rows;
import bg.digiclub.support.sql.SqlWork;

/**
 * Member cards in this PC's database (table {@code member_card}, migration V11).
 *
 * <p>Logins are serialized: one PIN check at a time. That makes the lockout exact (parallel
 * guesses cannot slip past the fifth failure) and caps guessing over all codes at the PBKDF2
 * rate, at no cost to a PC with one visitor at a time. The slow hash runs outside the database
 * lock, so session events are not held up by it.
 */
public final class SqliteMemberStore implements MemberStore {
    private final Database db;
    private final SlowHash hasher;
    private final RandomDigits random;
    private final LockoutPolicy lockout;
    private final Allowances allowances;
    private final MemberUsage usage;
    private final Clock clock;
    private final Object loginLock = new Object();
    private final UnknownCodeAttempts unknownCodes = new UnknownCodeAttempts();

    public SqliteMemberStore(
            Database db,
            SlowHash hasher,
            RandomDigits random,
            LockoutPolicy lockout,
            Allowances allowances,
            MemberUsage usage,
            Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.random = Objects.requireNonNull(random, "random");
        this.lockout = Objects.requireNonNull(lockout, "lockout");
        this.allowances = Objects.requireNonNull(allowances, "allowances");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public MemberLoginResult login(String cardCode, char[] pin) throws MemberStoreException {
        String code = RandomDigits.normalizeCode(cardCode);
        synchronized (loginLock) {
            Instant now = clock.instant();
            if (code == null) {
                // not a card code at all: nothing to count, the same answer after the same work
                hasher.burn();
                return MemberLoginResult.refused(LoginOutcome.WRONG_PIN);
            }
            Card card = find(code);
            if (card == null) {
                // the same answers, after the same work, as a real card with a wrong PIN, lockout
                // included: whoever types codes at the lock screen (or talks to the link) learns
                // nothing about which codes exist
                return unknownCode(code, now);
            }
            Duration lockedFor = lockout.lockedFor(card.lock(), now);
            if (!lockedFor.isZero()) {
                // not checked while locked: that is the lockout's point
                return MemberLoginResult.locked(lockedFor);
            }
            if (!hasher.matches(pin, card.pinHash())) {
                // a blocked card's wrong PINs count and lock too, as every other code's do
                LockState after = lockout.afterFailure(card.lock(), now);
                saveLock(code, after);
                return refusedAfterFailure(after, now);
            }
            if (card.disabled()) {
                // "blocked" only for the PIN's holder; anyone else got the wrong-PIN answer above
                return MemberLoginResult.refused(LoginOutcome.DISABLED);
            }
            if (!card.lock().equals(LockState.CLEAR)) {
                saveLock(code, lockout.afterSuccess());
            }
            if (hasher.needsRehash(card.pinHash())) {
                // the configured iteration count changed: bring this hash up to it while the PIN is at hand
                updatePinHash(code, hasher.hash(pin));
            }
            Duration allowed = allowances.allowedNow(usedToday(code, now));
            if (allowed.isZero()) {
                return MemberLoginResult.refused(LoginOutcome.NO_TIME_LEFT_TODAY);
            }
            return new MemberLoginResult(LoginOutcome.OK, allowed, Duration.ZERO, card.demographics());
        }
    }

    private MemberLoginResult unknownCode(String code, Instant now) {
        LockState state = unknownCodes.state(code);
        Duration lockedFor = lockout.lockedFor(state, now);
        if (!lockedFor.isZero()) {
            // answered at once, as a locked card is (no hash while locked)
            return MemberLoginResult.locked(lockedFor);
        }
        hasher.burn();
        LockState after = lockout.afterFailure(state, now);
        unknownCodes.save(code, after);
        return refusedAfterFailure(after, now);
    }

    private MemberLoginResult refusedAfterFailure(LockState after, Instant now) {
        Duration lockedFor = lockout.lockedFor(after, now);
        return lockedFor.isZero()
                ? MemberLoginResult.refused(LoginOutcome.WRONG_PIN)
                : MemberLoginResult.locked(lockedFor);
    }

    @Override
    public void declare(String cardCode, Demographics demographics) throws MemberStoreException {
        Objects.requireNonNull(demographics, "demographics");
        String code = requireCode(cardCode);
        int changed = write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE member_card SET age_band = ?, sex = ? WHERE code = ? AND age_band IS NULL")) {
                ps.setString(1, demographics.ageBand().name());
                ps.setString(2, demographics.sex().name());
                ps.setString(3, code);
                return ps.executeUpdate();
            }
        });
        if (changed == 0) {
            requireExists(code);
            throw new MemberStoreException(
                    Reason.ALREADY_DECLARED, "this card's age band and sex were declared before");
        }
    }

    @Override
    public List<MemberCard> list() throws MemberStoreException {
        Instant now = clock.instant();
        List<Card> cards = read(c -> {
            List<Card> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT code, pin_hash, age_band, sex, disabled, failed_attempts, locked_until FROM member_card ORDER BY created_at, code");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(Card.from(rs));
                }
            }
            return result;
        });
        List<MemberCard> result = new ArrayList<>(cards.size());
        for (Card card : cards) {
            boolean locked = !lockout.lockedFor(card.lock(), now).isZero();
            result.add(new MemberCard(card.code(), card.disabled(), locked, usedToday(card.code(), now)));
        }
        return result;
    }

    @Override
    public NewCard create() throws MemberStoreException {
        char[] pin = random.newPin();
        String pinHash = hasher.hash(pin);
        Instant now = clock.instant();
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = random.newCode();
            int inserted = write(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT OR IGNORE INTO member_card (code, pin_hash, created_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, code);
                    ps.setString(2, pinHash);
                    ps.setLong(3, now.toEpochMilli());
                    return ps.executeUpdate();
                }
            });
            if (inserted == 1) {
                unknownCodes.forget(code);
                return new NewCard(code, pin);
            }
        }
        // 20 collisions in a row among 10^8 codes means the random source is broken
        throw new MemberStoreException(Reason.STORAGE, "could not find a free card code");
    }

    @Override
    public char[] resetPin(String cardCode) throws MemberStoreException {
        String code = requireCode(cardCode);
        char[] pin = random.newPin();
        String pinHash = hasher.hash(pin);
        int changed = write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE member_card SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE code = ?")) {
                ps.setString(1, pinHash);
                ps.setString(2, code);
                return ps.executeUpdate();
            }
        });
        if (changed == 0) {
            throw unknownCard();
        }
        return pin;
    }

    @Override
    public void disable(String cardCode) throws MemberStoreException {
        String code = requireCode(cardCode);
        int changed = write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE member_card SET disabled = 1 WHERE code = ?")) {
                ps.setString(1, code);
                return ps.executeUpdate();
            }
        });
        if (changed == 0) {
            throw unknownCard();
        }
    }

    private Duration usedToday(String code, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        return usage.usedBetween(code, today.atStartOfDay(clock.getZone()).toInstant(), now);
    }

    private Card find(String code) throws MemberStoreException {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT code, pin_hash, age_band, sex, disabled, failed_attempts, locked_until FROM member_card WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Card.from(rs) : null;
                }
            }
        });
    }

    private void saveLock(String code, LockState state) throws MemberStoreException {
        write(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE member_card SET failed_attempts = ?, locked_until = ? WHERE code = ?")) {
                ps.setInt(1, state.failures());
                if (state.lockedUntil() == null) {
                    ps.setNull(2, java.sql.Types.INTEGER);
                } else {
                    ps.setLong(2, state.lockedUntil().toEpochMilli());
                }
                ps.setString(3, code);
                return ps.executeUpdate();
            }
        });
    }

    private void updatePinHash(String code, String pinHash) throws MemberStoreException {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE member_card SET pin_hash = ? WHERE code = ?")) {
                ps.setString(1, pinHash);
                ps.setString(2, code);
                return ps.executeUpdate();
            }
        });
    }

    private void requireExists(String code) throws MemberStoreException {
        if (find(code) == null) {
            throw unknownCard();
        }
    }

    private static String requireCode(String cardCode) throws MemberStoreException {
        String code = RandomDigits.normalizeCode(cardCode);
        if (code == null) {
            throw unknownCard();
        }
        return code;
    }

    private static MemberStoreException unknownCard() {
        return new MemberStoreException(Reason.UNKNOWN_CARD, "no member card has this code");
    }

    private <T> T read(SqlWork<T> work) throws MemberStoreException {
        try {
            return db.read(work);
        } catch (SQLException e) {
            throw new MemberStoreException(Reason.STORAGE, "member cards could not be read: " + e.getMessage(), e);
        }
    }

    private <T> T write(SqlWork<T> work) throws MemberStoreException {
        try {
            return db.write(work);
        } catch (SQLException e) {
            throw new MemberStoreException(Reason.STORAGE, "member cards could not be changed: " + e.getMessage(), e);
        }
    }

    /** One row of {@code member_card}. */
    private record Card(String code, String pinHash, Demographics demographics, boolean disabled, LockState lock) {
        static Card from(ResultSet rs) throws SQLException {
            String ageBand = rs.getString("age_band");
            Demographics demographics = ageBand == null
                    ? null
                    : new Demographics(AgeBand.valueOf(ageBand), Sex.valueOf(rs.getString("sex")));
            Instant until = Rows.epochMilliOrNull(rs, "locked_until");
            return new Card(
                    rs.getString("code"),
                    rs.getString("pin_hash"),
                    demographics,
                    rs.getInt("disabled") == 1,
                    new LockState(rs.getInt("failed_attempts"), until));
        }
    }
}
