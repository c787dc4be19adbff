package bg.digiclub.collector.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.support.metrics.PrometheusText;
import bg.digiclub.support.metrics.PrometheusText.Type;

/**
 * What the device API answered since the collector started: batches taken by kind (stored or a
 * replay of one stored before), replays, refusals by the problem's code (the {@code code} the agent
 * reads: {@code rate-limited}, {@code sequence-not-increasing}, ...), card syncs. Counted where the
 * answer is made ({@code server.ApiRoutes}); thread-safe and cheap ({@link LongAdder}). The codes
 * are the collector's own words, a short fixed list; should more than {@value #MAX_REASONS} ever
 * appear, the rest count as {@code other}, so a scrape stays small whatever happens.
 */
public final class IntakeCounters {
    static final int MAX_REASONS = 64;
    static final String OTHER = "other";

    private final Map<BatchKind, LongAdder> received = new EnumMap<>(BatchKind.class);
    private final LongAdder replayed = new LongAdder();
    private final ConcurrentMap<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final LongAdder cardSyncs = new LongAdder();
    private final ConcurrentMap<String, LongAdder> cardSyncsRejected = new ConcurrentHashMap<>();

    public IntakeCounters() {
        for (BatchKind kind : BatchKind.values()) {
            received.put(kind, new LongAdder());
        }
    }

    /** A batch answered 200: stored now, or ({@code replay}) stored before and its receipt sent again. */
    public void batchTaken(BatchKind kind, boolean replay) {
        received.get(Objects.requireNonNull(kind, "kind")).increment();
        if (replay) {
            replayed.increment();
        }
    }

    /** A batch refused with the problem {@code code}. */
    public void batchRejected(String code) {
        count(rejected, code);
    }

    /** A card sync answered 200. */
    public void cardSyncTaken() {
        cardSyncs.increment();
    }

    /** A card sync refused with the problem {@code code}. */
    public void cardSyncRejected(String code) {
        count(cardSyncsRejected, code);
    }

    public long received(BatchKind kind) {
        return received.get(kind).sum();
    }

    public long replayed() {
        return replayed.sum();
    }

    public long rejected(String code) {
        LongAdder n = rejected.get(code);
        return n == null ? 0 : n.sum();
    }

    public long cardSyncs() {
        return cardSyncs.sum();
    }

    public long cardSyncsRejected(String code) {
        LongAdder n = cardSyncsRejected.get(code);
        return n == null ? 0 : n.sum();
    }

    void writeTo(PrometheusText out) {
        out.family(
                "digiclub_batches_received_total",
                Type.COUNTER,
                "Batches answered 200 since the collector started, by kind (replays of a stored batch included).");
        received.forEach((kind, n) -> out.sample("kind", kind.name().toLowerCase(Locale.ROOT), n.sum()));
        out.family(
                "digiclub_batches_replayed_total",
                Type.COUNTER,
                "Batches delivered again after they were stored (answered with the first receipt).");
        out.sample(replayed.sum());
        out.family(
                "digiclub_batches_rejected_total",
                Type.COUNTER,
                "Batches refused since the collector started, by the problem code of the answer.");
        sorted(rejected).forEach((code, n) -> out.sample("reason", code, n));
        out.family("digiclub_card_syncs_total", Type.COUNTER, "Card syncs answered 200 since the collector started.");
        out.sample(cardSyncs.sum());
        out.family(
                "digiclub_card_syncs_rejected_total",
                Type.COUNTER,
                "Card syncs refused since the collector started, by the problem code of the answer.");
        sorted(cardSyncsRejected).forEach((code, n) -> out.sample("reason", code, n));
    }

    private static Map<String, Long> sorted(ConcurrentMap<String, LongAdder> counts) {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((code, n) -> sorted.put(code, n.sum()));
        return sorted;
    }

    private static void count(ConcurrentMap<String, LongAdder> counts, String code) {
        String reason = code == null || code.isBlank() ? OTHER : code;
        LongAdder n = counts.get(reason);
        if (n == null) {
            n = counts.size() >= MAX_REASONS
                    ? counts.computeIfAbsent(OTHER, k -> new LongAdder())
                    : counts.computeIfAbsent(reason, k -> new LongAdder());
        }
        n.increment();
    }
}
