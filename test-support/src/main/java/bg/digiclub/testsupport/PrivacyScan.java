package bg.digiclub.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test suites' one privacy scan: what must never leave a club PC (DESIGN.md, "Anonymize on
 * the PC"), looked for in a payload or request body independently of the agent's own guard. It
 * finds, anywhere in the text: this machine's host names, OS user names and network interface
 * names; the identifiers a test seeded (member codes, PIN hashes, serial numbers); the exact start
 * times of the test's sessions in every spelling a payload could carry (ISO instant, to the minute
 * in UTC and local time, local date-time, epoch seconds and milliseconds); IPv4, IPv6 and MAC
 * addresses; URLs; e-mail addresses; home-directory paths.
 *
 * <p>Words are looked for as they are spelled, anywhere in the text; a host name shorter than 3
 * characters (a virtual machine's "vm") only as a whole word, since inside other words it is
 * ordinary text ("jvm").
 *
 * <p>A start exactly on a quarter hour is not looked for, and one whose minute is a multiple of 15
 * is not looked for to the minute: such a time is spelled like the hours and snapshot times that
 * payloads carry by design, so tests plan their sessions off the quarter hours.
 *
 * <p>Immutable: {@link #forbidding} and {@link #forbiddingStartsOf} return a wider scan.
 */
public final class PrivacyScan {
    private static final Pattern IPV4 = Pattern.compile("(?<![0-9.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![0-9.])");
    /** Two or more hex groups joined by colons, or a "::" compression; ISO times are removed first. */
    private static final Pattern IPV6 =
            Pattern.compile("(?i)(?<![0-9a-z:])(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}(?![0-9a-z:])"
                    + "|(?i)[0-9a-f]{0,4}::[0-9a-f]{0,4}");

    private static final Pattern MAC =
            Pattern.compile("(?i)(?<![0-9a-f])[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}(?![0-9a-f])");
    private static final Pattern URL = Pattern.compile("(?i)(?:https?|ftp|file|wss?)://|www\\.");
    private static final Pattern EMAIL = Pattern.compile("(?i)[a-z0-9._%+-]+@[a-z0-9-]+\\.[a-z0-9.-]+");
    private static final Pattern HOME = Pattern.compile("(?i)/home/|/Users/|\\\\Users\\\\|/root/");
    /** Instants and dates are the protocol's; removed before looking for addresses. */
    private static final Pattern ISO_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z?)?");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    private final Set<String> words;

    private PrivacyScan(Set<String> words) {
        this.words = Collections.unmodifiableSet(words);
    }

    /** A scan for this machine's host names, OS user names and network interface names. */
    public static PrivacyScan ofThisMachine() {
        Set<String> words = new LinkedHashSet<>();
        add(words, System.getProperty("user.name"));
        add(words, System.getenv("USER"));
        add(words, System.getenv("LOGNAME"));
        try {
            // host names can be short ("vm"); they are looked for however short
            addHost(words, InetAddress.getLocalHost().getHostName());
            addHost(words, InetAddress.getLocalHost().getCanonicalHostName());
            Path hostname = Path.of("/etc/hostname");
            if (Files.isReadable(hostname)) {
                addHost(words, Files.readString(hostname).strip());
            }
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.getName().length() >= 4) {
                    add(words, nic.getName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot learn this machine's names: the scan would miss them", e);
        }
        return new PrivacyScan(words);
    }

    /** This scan, also looking for these identifiers (those shorter than 3 characters match ordinary words and are skipped). */
    public PrivacyScan forbidding(Collection<String> identifiers) {
        Set<String> wider = new LinkedHashSet<>(words);
        for (String identifier : identifiers) {
            add(wider, identifier);
        }
        return new PrivacyScan(wider);
    }

    /** This scan, also looking for the exact start times of these sessions, {@code zone} being the PC's. */
    public PrivacyScan forbiddingStartsOf(Collection<Instant> starts, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        Set<String> wider = new LinkedHashSet<>(words);
        for (Instant start : starts) {
            if (start.getEpochSecond() % 900 == 0) {
                continue;
            }
            wider.add(Long.toString(start.getEpochSecond()));
            wider.add(Long.toString(start.toEpochMilli()));
            wider.add(start.toString());
            wider.add(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(start.atZone(zone)));
            if (start.atZone(ZoneOffset.UTC).getMinute() % 15 != 0) {
                wider.add(MINUTE.format(start.atZone(ZoneOffset.UTC)));
                wider.add(MINUTE.format(start.atZone(zone)));
            }
        }
        return new PrivacyScan(wider);
    }

    /** Everything found in {@code body}, empty if it is clean. */
    public List<String> findings(String body) {
        Objects.requireNonNull(body, "body");
        List<String> found = new ArrayList<>();
        for (String w : words) {
            if (w.length() >= 3 ? body.contains(w) : containsWord(body, w)) {
                found.add("'" + w + "'");
            }
        }
        if (URL.matcher(body).find()) {
            found.add("a URL");
        }
        if (EMAIL.matcher(body).find()) {
            found.add("an e-mail address");
        }
        if (HOME.matcher(body).find()) {
            found.add("a home-directory path");
        }
        String withoutTimes = ISO_TIME.matcher(body).replaceAll("T");
        for (Pattern p : List.of(IPV4, IPV6, MAC)) {
            Matcher m = p.matcher(withoutTimes);
            if (m.find()) {
                found.add("an address: " + m.group());
            }
        }
        return found;
    }

    /**
     * Fails naming each body and what was found in it; fails too when there is no body at all,
     * since the scan of nothing proves nothing.
     *
     * @param text what a body says
     * @param name how the failure names a body (e.g. its method and path)
     */
    public <T> void assertClean(Collection<T> bodies, Function<T, String> text, Function<T, String> name) {
        if (bodies.isEmpty()) {
            throw new AssertionError("no bodies to scan: the scan proves nothing");
        }
        List<String> problems = new ArrayList<>();
        for (T body : bodies) {
            List<String> found = findings(text.apply(body));
            if (!found.isEmpty()) {
                problems.add(name.apply(body) + ": " + found + " in " + text.apply(body));
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("identifying data left the PC:\n" + String.join("\n", problems));
        }
    }

    /** How many words (names, identifiers, time spellings) this scan looks for. */
    public int wordCount() {
        return words.size();
    }

    /** Whether {@code word} stands in {@code text} with no letter or digit right before or after it. */
    private static boolean containsWord(String text, String word) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            int end = i + word.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    private static void addHost(Set<String> words, String name) {
        if (name != null && name.length() >= 2 && !name.equals("localhost")) {
            words.add(name);
        }
    }

    private static void add(Set<String> words, String word) {
        if (word != null && !word.isBlank() && word.length() >= 3) {
            words.add(word);
        }
    }
}
