package bg.digiclub.agent.upload;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import bg.digiclub.common.batch.BatchKind;

/**
 * The test suite's privacy scan: every payload the tests produce goes through it (it is the
 * outbox's guard in every test rig, and the fake collector scans every body it receives). On top
 * of the production {@link PrivacyGuard} (addresses, URLs, times finer than the grain, this PC's
 * host and user name) it looks for what the test seeded: member codes, serial numbers and the
 * exact start times of the test's sessions (ISO UTC and local, epoch seconds and milliseconds;
 * a bare {@code 09:17} is the guard's clock-time rule). What it finds is also kept in
 * {@link #violations()}, so a test sees a refusal even where the code under test only logs it.
 */
public final class PrivacyScan extends PrivacyGuard {
    private static final AtomicInteger TOTAL_SCANNED = new AtomicInteger();

    private final List<String> rawForbidden;
    private final AtomicInteger scanned = new AtomicInteger();
    private final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());

    private PrivacyScan(List<String> words, List<String> rawForbidden) {
        super(words);
        this.rawForbidden = List.copyOf(rawForbidden);
    }

    /**
     * @param seeded        member codes, serials and other identifiers the test used
     * @param sessionStarts exact session start times the test used
     */
    public static PrivacyScan of(Collection<String> seeded, Collection<Instant> sessionStarts) {
        List<String> words = new ArrayList<>(seeded);
        words.add(System.getProperty("user.name"));
        try {
            words.add(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            // no host name to look for
        }
        List<String> raw = new ArrayList<>();
        for (Instant t : sessionStarts) {
            if (t.getEpochSecond() % 900 == 0) {
                continue; // a start exactly on a quarter hour looks like an hour or snapshot time; tests avoid them
            }
            raw.add(Long.toString(t.getEpochSecond()));
            raw.add(Long.toString(t.toEpochMilli()));
            raw.add(t.toString());
            raw.add(DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneId.of("Europe/Sofia")).format(t));
            // "09:17" alone is caught by the guard's clock-time rule (nothing finer than the grain)
        }
        return new PrivacyScan(words, raw);
    }

    public static PrivacyScan none() {
        return of(List.of(), List.of());
    }

    @Override
    public void check(BatchKind kind, String json) {
        scanned.incrementAndGet();
        TOTAL_SCANNED.incrementAndGet();
        try {
            super.check(kind, json);
            for (String s : rawForbidden) {
                if (json.contains(s)) {
                    throw new PrivacyViolation("payload holds an exact session start time");
                }
            }
        } catch (PrivacyViolation e) {
            violations.add(e.getMessage());
            throw e;
        }
    }

    /** Everything this scan refused so far, forgetting it (for a test that expects a refusal). */
    public List<String> takeViolations() {
        synchronized (violations) {
            List<String> taken = new ArrayList<>(violations);
            violations.clear();
            return taken;
        }
    }

    /** Everything this scan refused. */
    public List<String> violations() {
        synchronized (violations) {
            return new ArrayList<>(violations);
        }
    }

    /** Payloads this scan has checked. */
    public int scanned() {
        return scanned.get();
    }

    /** Payloads all scans in this JVM have checked. */
    public static int totalScanned() {
        return TOTAL_SCANNED.get();
    }
}
