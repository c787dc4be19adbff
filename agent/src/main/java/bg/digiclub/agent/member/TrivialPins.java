package bg.digiclub.agent.member;

import java.util.Arrays;
import java.util.Optional;

/**
 * Staff PINs a visitor would try first, refused wherever a staff PIN is set: one digit
 * repeated ({@code 000000}), runs up or down ({@code 123456}, {@code 654321}, {@code 0123456789},
 * {@code 789012} — wrapping past 9 and 0), a pattern of two or three digits repeated
 * ({@code 121212}, {@code 123123}), and the quick start's published demo PIN, which only the
 * quick start may set.
 */
public final class TrivialPins {
    /**
     * The staff PIN {@code scripts/start.sh} sets on a developer's machine, printed in the README.
     * Everyone can read it, so {@code agent staff-pin} refuses it unless told it is a demo.
     */
    public static final String QUICK_START_DEMO_PIN = "584013";

    private TrivialPins() {}

    /**
     * Why {@code pin} (digits only) must not be a staff PIN; empty if it may.
     *
     * @param demo whether this is the quick start on a developer's machine, where the demo PIN is allowed
     */
    public static Optional<String> whyRefused(char[] pin, boolean demo) {
        if (pin.length == 0) {
            return Optional.of("the staff PIN is empty");
        }
        if (repeatsPattern(pin, 1)) {
            return Optional.of("the staff PIN is one digit repeated; choose one that is hard to guess");
        }
        if (isRun(pin, 1) || isRun(pin, -1)) {
            return Optional.of(
                    "the staff PIN is a run of digits (like 123456 or 654321); choose one that is hard to guess");
        }
        if (repeatsPattern(pin, 2) || repeatsPattern(pin, 3)) {
            return Optional.of(
                    "the staff PIN repeats a short pattern (like 121212 or 123123); choose one that is hard to guess");
        }
        if (!demo && Arrays.equals(pin, QUICK_START_DEMO_PIN.toCharArray())) {
            return Optional.of("that is the quick start's published demo PIN; choose your own");
        }
        return Optional.empty();
    }

    /** Each digit is the one before plus {@code step}, modulo 10. */
    private static boolean isRun(char[] pin, int step) {
        for (int i = 1; i < pin.length; i++) {
            if (Math.floorMod(pin[i - 1] - '0' + step, 10) != pin[i] - '0') {
                return false;
            }
        }
        return true;
    }

    /** The PIN is its first {@code period} digits over and over (the last repetition may be cut short). */
    private static boolean repeatsPattern(char[] pin, int period) {
        if (pin.length <= period) {
            return false;
        }
        for (int i = period; i < pin.length; i++) {
            if (pin[i] != pin[i - period]) {
                return false;
            }
        }
        return true;
    }
}
