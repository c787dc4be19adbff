package bg.digiclub.agent.member;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.member.LockoutPolicy.LockState;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.store.RaisedChecks;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.support.secret.SlowHash;
import bg.digiclub.support.sql.Rows;

/**
 * The staff PIN of this PC (table {@code staff_pin}, migration V11): a salted slow hash, set
 * by the {@code staff-pin} command, checked by the staff panel, throttled by a lockout that
 * grows with every round of wrong PINs ({@link LockoutPolicy#STAFF}).
 *
 * <p>The lockout is a trade-off: a visitor can keep staff locked out by typing wrong PINs, but
 * cannot guess the PIN. Staff get in whatever the visitor did: root on the PC runs
 * {@code agent staff-pin} (a new PIN) or {@code agent staff-pin --unlock} (the same PIN), and
 * either lifts the lock. Every lock is also an alert event of the check {@value #ALERT_CHECK}
 * (WARN, CRIT from the {@value #CRIT_FROM_ROUND}rd round in a row), which reaches the
 * municipality's dashboard with the day's health; a right PIN or the command ends it.
 */
public final class StaffPin {
    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 12;
    /** The alert events' check name; a plain word, so it leaves the PC as it is. */
    public static final String ALERT_CHECK = "staff-pin";
    /** From this lock in a row on, the alert is CRIT: someone keeps guessing. */
    static final int CRIT_FROM_ROUND = 3;

    private static final Logger LOG = LoggerFactory.getLogger(StaffPin.class);

    private final Database db;
    private final SlowHash hasher;
    private final LockoutPolicy lockout;
    private final RaisedChecks raised;
    private final Clock clock;
    private final Object checkLock = new Object();

    /** Records its alerts in the same database, through an {@link AlertStore} of its own. */
    public StaffPin(Database db, SlowHash hasher, LockoutPolicy lockout, Clock clock) {
        this(db, hasher, lockout, new AlertStore(db, clock), clock);
    }

    public StaffPin(Database db, SlowHash hasher, LockoutPolicy lockout, AlertStore alerts, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.lockout = Objects.requireNonNull(lockout, "lockout");
        this.raised = new RaisedChecks(Objects.requireNonNull(alerts, "alerts"), Set.of(ALERT_CHECK), clock);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sets (or replaces) the staff PIN and lifts any lockout. Refuses trivial PINs and the
     * quick start's demo PIN ({@link TrivialPins}).
     *
     * @throws IllegalArgumentException unless the PIN is {@value #MIN_LENGTH} to {@value #MAX_LENGTH}
     *                                  digits and not trivial; the message says why
     */
    public void set(char[] pin) throws SQLException {
        set(pin, false);
    }

    /**
     * As {@link #set(char[])}; {@code demo} allows {@link TrivialPins#QUICK_START_DEMO_PIN}, for
     * the quick start on a developer's machine only.
     */
    public void set(char[] pin, boolean demo) throws SQLException {
        if (pin.length < MIN_LENGTH || pin.length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "the staff PIN must be " + MIN_LENGTH + " to " + MAX_LENGTH + " digits, got " + pin.length);
        }
        for (char ch : pin) {
            if (ch < '0' || ch > '9') {
                throw new IllegalArgumentException("the staff PIN must be digits only");
            }
        }
        TrivialPins.whyRefused(pin, demo).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        String pinHash = hasher.hash(pin);
        long now = clock.millis();
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO staff_pin (id, pin_hash, failed_attempts, locked_until, set_at) VALUES (1, ?, 0, NULL, ?) "
                            + "ON CONFLICT (id) DO UPDATE SET pin_hash = excluded.pin_hash, failed_attempts = 0, "
                            + "locked_until = NULL, set_at = excluded.set_at")) {
                ps.setString(1, pinHash);
                ps.setLong(2, now);
                return ps.executeUpdate();
            }
        });
        alert(HealthStatus.OK, "staff PIN set again with the command");
    }

    /**
     * Lifts the lockout and keeps the PIN ({@code agent staff-pin --unlock}).
     *
     * @return false if no staff PIN is set
     */
    public boolean unlock() throws SQLException {
        synchronized (checkLock) {
            if (load() == null) {
                return false;
            }
            save(lockout.afterSuccess());
            alert(HealthStatus.OK, "staff lockout lifted with the command");
            return true;
        }
    }

    /** True once a staff PIN has been set. */
    public boolean isSet() throws SQLException {
        return load() != null;
    }

    /** Checks {@code pin}; see {@link Check}. One check at a time, like member logins. */
    public Check check(char[] pin) throws SQLException {
        synchronized (checkLock) {
            Instant now = clock.instant();
            Row row = load();
            if (row == null) {
                hasher.burn();
                return new Check(Outcome.NOT_SET, Duration.ZERO);
            }
            Duration lockedFor = lockout.lockedFor(row.lock(), now);
            if (!lockedFor.isZero()) {
                return new Check(Outcome.LOCKED, lockedFor);
            }
            if (hasher.matches(pin, row.pinHash())) {
                if (!row.lock().equals(LockState.CLEAR)) {
                    save(lockout.afterSuccess());
                    alert(HealthStatus.OK, "staff logged in with the right PIN");
                }
                return new Check(Outcome.OK, Duration.ZERO);
            }
            LockState after = lockout.afterFailure(row.lock(), now);
            save(after);
            lockedFor = lockout.lockedFor(after, now);
            if (lockedFor.isZero()) {
                return new Check(Outcome.WRONG_PIN, Duration.ZERO);
            }
            int round = lockout.rounds(after);
            LOG.warn(
                    "staff login locked for {} min after {} wrong staff PINs in a row (lock {} in a row)",
                    minutes(lockedFor),
                    after.failures(),
                    round);
            alert(
                    round >= CRIT_FROM_ROUND ? HealthStatus.CRIT : HealthStatus.WARN,
                    "staff login locked for " + minutes(lockedFor) + " min after " + after.failures()
                            + " wrong staff PINs in a row");
            return new Check(Outcome.LOCKED, lockedFor);
        }
    }

    private void alert(HealthStatus status, String detail) {
        raised.raise(ALERT_CHECK, status, detail);
    }

    private static long minutes(Duration d) {
        return (d.toSeconds() + 59) / 60;
    }

    private Row load() throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT pin_hash, failed_attempts, locked_until FROM staff_pin WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String pinHash = rs.getString(1);
                int failures = rs.getInt(2);
                return new Row(pinHash, new LockState(failures, Rows.epochMilliOrNull(rs, 3)));
            }
        });
    }

    private void save(LockState state) throws SQLException {
        db.write(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE staff_pin SET failed_attempts = ?, locked_until = ? WHERE id = 1")) {
                ps.setInt(1, state.failures());
                if (state.lockedUntil() == null) {
                    ps.setNull(2, Types.INTEGER);
                } else {
                    ps.setLong(2, state.lockedUntil().toEpochMilli());
                }
                return ps.executeUpdate();
            }
        });
    }

    private record Row(String pinHash, LockState lock) {}

    /** The result of a staff PIN check; {@code lockedFor} is zero unless LOCKED. */
    public record Check(Outcome outcome, Duration lockedFor) {}

    /** Whether the staff PIN was accepted. */
    public enum Outcome {
        OK,
        WRONG_PIN,
        LOCKED,
        NOT_SET
    }
}
