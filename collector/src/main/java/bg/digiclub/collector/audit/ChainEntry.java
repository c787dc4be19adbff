package bg.digiclub.collector.audit;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One line of the {@link BatchLog}. Its {@code hash} is the SHA-256 (hex) of the UTF-8 text
 * {@code prev_hash \n seq \n batch_id \n device_id \n kind \n received_at \n figures_hash} (a NULL as
 * the empty text), so that changing, removing or inserting a line breaks every link after it.
 *
 * @param batchId    null for the genesis and a {@link #GUARD_RESTORED} line
 * @param deviceId   null for the genesis and a {@link #GUARD_RESTORED} line
 * @param kind       {@code USAGE}, {@code HEALTH}, {@link #GENESIS} or {@link #GUARD_RESTORED}
 * @param receivedAt epoch milliseconds, as {@code batches.received_at}
 */
public record ChainEntry(
        long seq,
        String batchId,
        String deviceId,
        String kind,
        long receivedAt,
        String figuresHash,
        String prevHash,
        String hash) {
    /** The kind of the first line, which vouches for the rows stored before the chain began. */
    public static final String GENESIS = "GENESIS";
    /**
     * The kind of a line written at a start that found the triggers guarding the log missing, disabled or
     * altered, before they were re-created ({@link LogGuard}); its figures hash is the SHA-256 of what was found.
     */
    public static final String GUARD_RESTORED = "GUARD_RESTORED";
    /** The previous hash of the genesis. */
    public static final String ZERO = "0".repeat(64);

    public ChainEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(figuresHash, "figuresHash");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** A new line after {@code prevHash}, its hash computed. */
    static ChainEntry next(
            long seq,
            String batchId,
            String deviceId,
            String kind,
            long receivedAt,
            String figuresHash,
            String prevHash) {
        return new ChainEntry(
                seq,
                batchId,
                deviceId,
                kind,
                receivedAt,
                figuresHash,
                prevHash,
                hashOf(prevHash, seq, batchId, deviceId, kind, receivedAt, figuresHash));
    }

    /** The hash this line's fields give; differs from {@link #hash()} if the line was edited. */
    String recomputedHash() {
        return hashOf(prevHash, seq, batchId, deviceId, kind, receivedAt, figuresHash);
    }

    private static String hashOf(
            String prevHash, long seq, String batchId, String deviceId, String kind, long receivedAt, String figures) {
        String text = String.join(
                "\n",
                prevHash,
                Long.toString(seq),
                batchId == null ? "" : batchId,
                deviceId == null ? "" : deviceId,
                kind,
                Long.toString(receivedAt),
                figures);
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isGenesis() {
        return GENESIS.equals(kind);
    }

    /** A line that records the log's triggers found not in place at a start, and re-created. */
    public boolean isGuardRestored() {
        return GUARD_RESTORED.equals(kind);
    }
}
