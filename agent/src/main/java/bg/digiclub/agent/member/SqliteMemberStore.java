package bg.digiclub.agent.member;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.agent.member.LockoutPolicy.LockState;
import bg.digiclub.agent.member.MemberStoreException.Reason;
import bg.digiclub.agent.store.Database;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.wire.LoginOutcome;
import bg.digiclub.support.secret.KeyedHash;
import bg.digiclub.support.secret.RandomDigits;
import bg.digiclub.support.secret.SlowHash;
import bg.digiclub.support.sql.Rows;
import bg.digiclub.support.sql.SqlWork;

/**
 * Member cards in this PC's database (table {@code member_card}, migrations V11 and V14): the
 * club's cards as this PC's offline replica ({@link ClubCardReplica}, kept in step by {@link
 * CardSync}). A card is found by the code as typed: by its plain code where this PC made it, else
 * by the keyed hash of the code under the club's key. Every change here (a card, a declaration, a
 * new PIN, disabling) is marked for the next sync and dated after the card's last change, so that it
 * wins over what this PC knew; lockouts stay this PC's own.
 *
 * <p>The staff panel's list shows the plain code of the cards this PC made and a reference
 * ({@code #} and the first 10 hex digits of the keyed hash) for the club's others, whose code this
 * PC never had; a new PIN or disabling takes either, or the code the member reads out.
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
    private final ClubCardReplica club;
    private final Clock clock;
    /** A card the staff panel lists without its code: {@code #} and the keyed hash's first digits. */
    static final String REFERENCE_MARK = "#";

    static final int REFERENCE_DIGITS = 10;

    private final Object loginLock = new Object();
    private final UnknownCodeAttempts unknownCodes = new UnknownCodeAttempts();

    public SqliteMemberStore(
            Database db,
            SlowHash hasher,
            RandomDigits random,
            LockoutPolicy lockout,
            Allowances allowances,
            MemberUsage usage,
            ClubCardReplica club,
            Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.random = Objects.requireNonNull(random, "random");
        this.lockout = Objects.requireNonNull(lockout, "lockout");
        this.allowances = Objects.requireNonNull(allowances, "allowances");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.club = Objects.requireNonNull(club, "club");
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
                saveLock(card.id(), after);
                return refusedAfterFailure(after, now);
            }
            if (card.disabled()) {
                // "blocked" only for the PIN's holder; anyone else got the wrong-PIN answer above
                return MemberLoginResult.refused(LoginOutcome.DISABLED);
            }
            if (!card.lock().equals(LockState.CLEAR)) {
                saveLock(card.id(), lockout.afterSuccess());
            }
            if (hasher.needsRehash(card.pinHash())) {
                // the configured iteration count changed: bring this hash up to it while the PIN is at hand
                // (this PC's own: the other PCs' hashes of the same PIN still match)
                updatePinHash(card.id(), hasher.hash(pin));
            }
            Duration allowed = allowances.allowedNow(usedToday(code, card.codeHash(), now));
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
        Card card = requireCard(cardCode);
        if (card.demographics() != null) {
            throw new MemberStoreException(
                    Reason.ALREADY_DECLARED, "this card's age band and sex were declared before");
        }
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE member_card SET age_band = ?, sex = ?, "
                    + "changed_at = ?, unsynced = 1 WHERE id = ? AND age_band IS NULL")) {
                ps.setString(1, demographics.ageBand().name());
                ps.setString(2, demographics.sex().name());
                ps.setLong(3, changeTime(card));
                ps.setLong(4, card.id());
                return ps.executeUpdate();
            }
        });
        club.changedHere();
    }

    @Override
    public List<MemberCard> list() throws MemberStoreException {
        Instant now = clock.instant();
        List<Card> cards = read(c -> {
            List<Card> result = new ArrayList<>();
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT " + COLUMNS + " FROM member_card ORDER BY created_at, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(Card.from(rs));
                }
            }
            return result;
        });
        // the ledger knows the codes typed on this PC: used to find today's time of cards made elsewhere
        Map<String, String> typedHere = new HashMap<>();
        Optional<KeyedHash> key = club.key();
        if (key.isPresent()) {
            for (String code : usage.codesBetween(startOfDay(now), now)) {
                typedHere.put(key.get().hex(code), code);
            }
        }
        List<MemberCard> result = new ArrayList<>(cards.size());
        for (Card card : cards) {
            boolean locked = !lockout.lockedFor(card.lock(), now).isZero();
            String code = card.code() != null ? card.code() : typedHere.get(card.codeHash());
            result.add(new MemberCard(
                    card.code() != null ? card.code() : reference(card.codeHash()),
                    card.disabled(),
                    locked,
                    usedToday(code, card.codeHash(), now)));
        }
        return result;
    }

    @Override
    public NewCard create() throws MemberStoreException {
        char[] pin = random.newPin();
        String pinHash = hasher.hash(pin);
        Instant now = clock.instant();
        Optional<KeyedHash> key = club.key();
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = random.newCode();
            int inserted = write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO member_card "
                        + "(code, code_hash, pin_hash, created_at, changed_at, unsynced) VALUES (?, ?, ?, ?, ?, 1)")) {
                    ps.setString(1, code);
                    ps.setString(2, key.map(k -> k.hex(code)).orElse(null));
                    ps.setString(3, pinHash);
                    ps.setLong(4, now.toEpochMilli());
                    ps.setLong(5, now.toEpochMilli());
                    return ps.executeUpdate();
                }
            });
            if (inserted == 1) {
                unknownCodes.forget(code);
                club.changedHere();
                return new NewCard(code, pin);
            }
        }
        // 20 collisions in a row among 10^8 codes means the random source is broken
        throw new MemberStoreException(Reason.STORAGE, "could not find a free card code");
    }

    @Override
    public char[] resetPin(String cardCode) throws MemberStoreException {
        Card card = requireCard(cardCode);
        char[] pin = random.newPin();
        String pinHash = hasher.hash(pin);
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE member_card SET pin_hash = ?, failed_attempts = 0, "
                    + "locked_until = NULL, changed_at = ?, unsynced = 1 WHERE id = ?")) {
                ps.setString(1, pinHash);
                ps.setLong(2, changeTime(card));
                ps.setLong(3, card.id());
                return ps.executeUpdate();
            }
        });
        club.changedHere();
        return pin;
    }

    @Override
    public void disable(String cardCode) throws MemberStoreException {
        Card card = requireCard(cardCode);
        if (card.disabled()) {
            return;
        }
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE member_card SET disabled = 1, changed_at = ?, unsynced = 1 WHERE id = ?")) {
                ps.setLong(1, changeTime(card));
                ps.setLong(2, card.id());
                return ps.executeUpdate();
            }
        });
        club.changedHere();
    }

    /** Now, or just after the card's last change if that was dated later (another PC's clock ran ahead). */
    private long changeTime(Card card) {
        return Math.max(clock.millis(), card.changedAt() + 1);
    }

    /**
     * Today's time of a card: on this PC (the ledger, by the code as typed here; none if this PC never
     * saw the code) and on the club's other PCs (as of the last sync).
     */
    private Duration usedToday(String code, String codeHash, Instant now) {
        Duration here = code == null ? Duration.ZERO : usage.usedBetween(code, startOfDay(now), now);
        if (codeHash == null) {
            return here;
        }
        try {
            return here.plus(club.otherPcsMinutes(codeHash, LocalDate.ofInstant(now, clock.getZone())));
        } catch (SQLException e) {
            // a member store treats this like any storage failure of its own
            throw new IllegalStateException("the club's minutes could not be read: " + e.getMessage(), e);
        }
    }

    private Instant startOfDay(Instant now) {
        return LocalDate.ofInstant(now, clock.getZone())
                .atStartOfDay(clock.getZone())
                .toInstant();
    }

    private static String reference(String codeHash) {
        return REFERENCE_MARK + codeHash.substring(0, REFERENCE_DIGITS);
    }

    /** A card by its code as typed (its plain code here, or the keyed hash of it); null if none. */
    private Card find(String code) throws MemberStoreException {
        String codeHash = club.key().map(k -> k.hex(code)).orElse(null);
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM member_card WHERE code = ? OR code_hash = ? ORDER BY code IS NULL LIMIT 1")) {
                ps.setString(1, code);
                ps.setString(2, codeHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Card.from(rs) : null;
                }
            }
        });
    }

    /** A card by code as typed or by the list's reference; refused as unknown otherwise. */
    private Card requireCard(String codeOrReference) throws MemberStoreException {
        String code = RandomDigits.normalizeCode(codeOrReference);
        Card card = null;
        if (code != null) {
            card = find(code);
        } else if (codeOrReference != null
                && codeOrReference.length() == REFERENCE_DIGITS + 1
                && codeOrReference.startsWith(REFERENCE_MARK)
                && codeOrReference.substring(1).chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            String prefix = codeOrReference.substring(1).toLowerCase(Locale.ROOT);
            List<Card> matches = read(c -> {
                List<Card> found = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM member_card WHERE substr(code_hash, 1, ?) = ? LIMIT 2")) {
                    ps.setInt(1, REFERENCE_DIGITS);
                    ps.setString(2, prefix);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(Card.from(rs));
                        }
                    }
                }
                return found;
            });
            card = matches.size() == 1 ? matches.get(0) : null;
        }
        if (card == null) {
            throw new MemberStoreException(Reason.UNKNOWN_CARD, "no member card has this code");
        }
        return card;
    }

    private void saveLock(long id, LockState state) throws MemberStoreException {
        write(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE member_card SET failed_attempts = ?, locked_until = ? WHERE id = ?")) {
                ps.setInt(1, state.failures());
                if (state.lockedUntil() == null) {
                    ps.setNull(2, Types.INTEGER);
                } else {
                    ps.setLong(2, state.lockedUntil().toEpochMilli());
                }
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }

    private void updatePinHash(long id, String pinHash) throws MemberStoreException {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE member_card SET pin_hash = ? WHERE id = ?")) {
                ps.setString(1, pinHash);
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
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

    private static final String COLUMNS =
            "id, code, code_hash, pin_hash, age_band, sex, disabled, failed_attempts, locked_until, changed_at";

    /** One row of {@code member_card}; {@code code} null where this PC never had it. */
    private record Card(
            long id,
            String code,
            String codeHash,
            String pinHash,
            Demographics demographics,
            boolean disabled,
            LockState lock,
            long changedAt) {
        static Card from(ResultSet rs) throws SQLException {
            String ageBand = rs.getString("age_band");
            Demographics demographics = ageBand == null
                    ? null
                    : new Demographics(AgeBand.valueOf(ageBand), Sex.valueOf(rs.getString("sex")));
            Instant until = Rows.epochMilliOrNull(rs, "locked_until");
            return new Card(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getString("code_hash"),
                    rs.getString("pin_hash"),
                    demographics,
                    rs.getInt("disabled") == 1,
                    new LockState(rs.getInt("failed_attempts"), until),
                    rs.getLong("changed_at"));
        }
    }
}
