package bg.digiclub.agent.upload;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.testsupport.PrivacyScan;

/**
 * The outbox's guard in every upload test rig (the fake collector runs it on every body it
 * receives too): the production {@link PrivacyGuard} (addresses, URLs, times finer than the grain,
 * this PC's host and user name, whole words ignoring case), then the test suites' one
 * {@link PrivacyScan} for what the test seeded (member codes, serial numbers, the exact start
 * times of the test's sessions) and this machine's names anywhere in the text. What either finds
 * is also kept in {@link #violations()}, so a test sees a refusal even where the code under test
 * only logs it.
 */
public final class ScanningPrivacyGuard extends PrivacyGuard {
    /** The PCs of the upload tests are in Sofia. */
    private static final ZoneId PC_ZONE = ZoneId.of("Europe/Sofia");

    private final PrivacyScan scan;
    private final AtomicInteger scanned = new AtomicInteger();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

    private ScanningPrivacyGuard(List<String> words, PrivacyScan scan) {
        super(words);
        this.scan = scan;
    }

    /**
     * @param seeded        member codes, serials and other identifiers the test used
     * @param sessionStarts exact session start times the test used
     */
    public static ScanningPrivacyGuard of(Collection<String> seeded, Collection<Instant> sessionStarts) {
        PrivacyScan scan = PrivacyScan.ofThisMachine().forbidding(seeded).forbiddingStartsOf(sessionStarts, PC_ZONE);
        List<String> words = new ArrayList<>(seeded);
        words.add(System.getProperty("user.name"));
        try {
            words.add(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            // the scan (ofThisMachine) fails without it; the guard's whole-word check just has one word less
        }
        return new ScanningPrivacyGuard(words, scan);
    }

    public static ScanningPrivacyGuard none() {
        return of(List.of(), List.of());
    }

    @Override
    public void check(BatchKind kind, String json) {
        scanned.incrementAndGet();
        try {
            super.check(kind, json);
            List<String> found = scan.findings(json);
            if (!found.isEmpty()) {
                throw new PrivacyViolation("the privacy scan found " + found);
            }
        } catch (PrivacyViolation e) {
            violations.add(e.getMessage());
            throw e;
        }
    }

    /** Everything this guard refused so far, forgetting it (for a test that expects a refusal). */
    public List<String> takeViolations() {
        synchronized (violations) {
            List<String> taken = new ArrayList<>(violations);
            violations.clear();
            return taken;
        }
    }

    /** Everything this guard refused. */
    public List<String> violations() {
        synchronized (violations) {
            return new ArrayList<>(violations);
        }
    }

    /** Payloads this guard has checked. */
    public int scanned() {
        return scanned.get();
    }
}
