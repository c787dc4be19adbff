package bg.digiclub.collector.audit;

import java.util.Objects;

/**
 * One thing {@link AuditVerifier} found wrong, in the order it reports them: the chain's links first
 * (a broken chain makes every later line doubtful), then a batch's figures, then the rows outside the
 * logged batches, then the dashboard's derived tables, then the times the log was not guarded by its triggers
 * (which make nothing wrong by themselves, but leave room for what the checks before cannot see).
 *
 * @param seq     the line of the log it concerns, 0 for none
 * @param batchId the batch it concerns, null for none
 * @param text    what is wrong, for a person
 */
public record Finding(Kind kind, long seq, String batchId, String text) implements Comparable<Finding> {
    /** What was found, in the order of reporting. */
    public enum Kind {
        BROKEN_LINK,
        EDITED_LINE,
        FIGURES_CHANGED,
        ROWS_OUTSIDE_CHANGED,
        DERIVED_DIFFERS,
        LOG_UNGUARDED
    }

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public int compareTo(Finding other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : Long.compare(seq, other.seq);
    }
}
