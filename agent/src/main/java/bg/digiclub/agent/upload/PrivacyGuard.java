package bg.digiclub.agent.upload;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.batch.StrictJson;

/**
 * The last line of defence: refuses a payload that looks like it holds something that must
 * never leave the PC. The schema already has no place for such things (docs/privacy.md); this
 * guard catches a mistake in the code that fills it.
 *
 * <p>Checked anywhere in the text: IPv4 and IPv6 addresses, MAC addresses, URLs, e-mail
 * addresses, home-directory paths, and clock times finer than the payload's grain: the hour for
 * usage ({@code 09:17} or {@code 09:00:05} is refused), the quarter hour for health snapshots
 * (taken at :00, :15, :30, :45, never at a session's start). Checked in string values, as
 * whole words ignoring case: the given forbidden words (this PC's host name and OS user names;
 * tests add member codes and serial numbers). Words shorter than 3 characters are skipped: they
 * would match ordinary words of the schema.
 *
 * <p>A refused payload is not sealed; the aggregation logs the refusal and tries again later,
 * so a leak becomes a visible stall, never an upload.
 */
public class PrivacyGuard implements PayloadGuard {
    /** The contract's mapper: a payload with a duplicate key or trailing content is no batch either. */
    private static final ObjectMapper JSON = StrictJson.mapper();

    private static final List<Rule> RULES = List.of(
            new Rule("an IPv4 address", Pattern.compile("(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d.])")),
            new Rule(
                    "an IPv6 address",
                    Pattern.compile(
                            "(?i)(?<![0-9a-f:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:)*[0-9a-f]{0,4}::"
                                    + "(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?)(?![0-9a-f:])")),
            new Rule(
                    "a MAC address",
                    Pattern.compile(
                            "(?i)(?<![0-9a-f])[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\\1[0-9a-f]{2}){4}" + "(?![0-9a-f])")),
            new Rule("a URL", Pattern.compile("(?i)\\b(?:https?|ftp|file|wss?)://|\\bwww\\.[a-z0-9-]+\\.")),
            new Rule("an e-mail address", Pattern.compile("(?i)[a-z0-9._%+-]+@[a-z0-9-]+\\.[a-z0-9.-]+")),
            new Rule("a home-directory path", Pattern.compile("(?i)(?:/home/|/Users/|\\\\Users\\\\|/root/)")));

    /** A clock time; refused unless minutes (and seconds, if present) are zero. */
    private static final Pattern CLOCK_TIME =
            Pattern.compile("(?<!\\d)\\d{1,2}:(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(?!\\d)");

    private final List<String> forbiddenWords;

    public PrivacyGuard(Collection<String> forbiddenWords) {
        List<String> words = new ArrayList<>();
        for (String w : forbiddenWords) {
            if (w != null && w.strip().length() >= 3) {
                words.add(w.strip().toLowerCase(Locale.ROOT));
            }
        }
        this.forbiddenWords = List.copyOf(words);
    }

    /**
     * A guard with this PC's host name and the OS user running the agent as forbidden words. The
     * agent's own service account ({@code root}, {@code SYSTEM}, {@code digiclub...}) is not a
     * person and may equal part of a club id, so it is not forbidden.
     */
    public static PrivacyGuard forThisPc() {
        List<String> words = new ArrayList<>();
        String user = System.getProperty("user.name", "");
        if (!isServiceAccount(user)) {
            words.add(user);
        }
        try {
            String host = InetAddress.getLocalHost().getHostName();
            words.add(host);
            int dot = host.indexOf('.');
            if (dot > 0) {
                words.add(host.substring(0, dot));
            }
        } catch (UnknownHostException e) {
            // No resolvable host name: nothing to forbid beyond the patterns.
        }
        String env = System.getenv("COMPUTERNAME");
        if (env != null) {
            words.add(env);
        }
        return new PrivacyGuard(words);
    }

    static boolean isServiceAccount(String user) {
        String u = user.toLowerCase(Locale.ROOT);
        return u.equals("root") || u.equals("system") || u.equals("localsystem") || u.startsWith("digiclub");
    }

    @Override
    public void check(BatchKind kind, String json) {
        Objects.requireNonNull(json, "json");
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(json).find()) {
                throw new PrivacyViolation("payload holds " + rule.what());
            }
        }
        Matcher m = CLOCK_TIME.matcher(json);
        while (m.find()) {
            int minute = Integer.parseInt(m.group(1));
            boolean minutes = kind == BatchKind.HEALTH ? minute % 15 != 0 : minute != 0;
            boolean seconds = m.group(2) != null && !"00".equals(m.group(2));
            if (minutes || seconds) {
                throw new PrivacyViolation("payload holds a time finer than "
                        + (kind == BatchKind.HEALTH ? "the quarter hour" : "the hour"));
            }
        }
        if (!forbiddenWords.isEmpty()) {
            JsonNode tree;
            try {
                tree = JSON.readTree(json);
            } catch (JsonProcessingException e) {
                throw new PrivacyViolation("payload is not JSON: " + e.getOriginalMessage());
            }
            checkStrings(tree);
        }
    }

    private void checkStrings(JsonNode node) {
        if (node.isTextual()) {
            String value = node.asText().toLowerCase(Locale.ROOT);
            for (String word : forbiddenWords) {
                if (containsWord(value, word)) {
                    throw new PrivacyViolation("payload holds a forbidden identifier (" + describe(word) + ")");
                }
            }
        }
        // Field names are the schema's fixed vocabulary, not data: only values are checked.
        node.forEach(this::checkStrings);
    }

    /** What a forbidden word is, without repeating it (it may be a member code). */
    protected String describe(String word) {
        return word.length() + " characters";
    }

    static boolean containsWord(String text, String word) {
        int from = 0;
        while (true) {
            int i = text.indexOf(word, from);
            if (i < 0) {
                return false;
            }
            int end = i + word.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = i + 1;
        }
    }

    private record Rule(String what, Pattern pattern) {}
}
