package bg.digiclub.agent.member;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import bg.digiclub.agent.member.LockoutPolicy.LockState;

/**
 * Wrong tries at card codes that do not exist, counted as a card's are, so that an unknown code
 * locks after the same number of tries as a real one: "temporarily locked" then tells nothing
 * about which codes exist either.
 *
 * <p>Kept in memory only (no row per code someone typed), for at most {@link #CAPACITY} codes,
 * the least recently tried forgotten first. Somebody who types that many other codes (each at the
 * PIN hash's pace, over an hour) to have one forgotten could tell it from a real card; and an
 * agent restart forgets them all, which a visitor cannot cause.
 */
final class UnknownCodeAttempts {
    static final int CAPACITY = 4096;

    private final Map<String, LockState> byCode = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LockState> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The lock state of an unknown code; {@link LockState#CLEAR} if never tried. */
    synchronized LockState state(String code) {
        return byCode.getOrDefault(Objects.requireNonNull(code, "code"), LockState.CLEAR);
    }

    synchronized void save(String code, LockState state) {
        byCode.put(Objects.requireNonNull(code, "code"), Objects.requireNonNull(state, "state"));
    }

    /** A card with this code now exists: its own row counts from here. */
    synchronized void forget(String code) {
        byCode.remove(code);
    }
}
