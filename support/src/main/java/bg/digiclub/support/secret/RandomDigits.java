package bg.digiclub.support.secret;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Card codes and PINs: random decimal digits, easy to read aloud and to type on any keyboard,
 * with no names and nothing derived from a person. The agent's staff panel and the collector's
 * cards page make them alike.
 */
public final class RandomDigits {
    /** 8 digits: 100 million codes for a club's few hundred cards, so guessing one is hopeless. */
    public static final int CODE_LENGTH = 8;

    public static final int PIN_LENGTH = 6;

    private final SecureRandom random;

    public RandomDigits(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public String newCode() {
        return digits(CODE_LENGTH);
    }

    public char[] newPin() {
        char[] pin = new char[PIN_LENGTH];
        for (int i = 0; i < pin.length; i++) {
            pin[i] = (char) ('0' + random.nextInt(10));
        }
        return pin;
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    /**
     * The canonical form of a card code as typed: spaces and dashes dropped ("1234 5678",
     * "1234-5678" -> "12345678"); null if what is left is not {@value #CODE_LENGTH} digits.
     */
    public static String normalizeCode(String typed) {
        if (typed == null || typed.length() > 32) {
            return null;
        }
        String code = typed.replace(" ", "").replace("-", "");
        return code.length() == CODE_LENGTH && code.chars().allMatch(c -> c >= '0' && c <= '9') ? code : null;
    }
}
