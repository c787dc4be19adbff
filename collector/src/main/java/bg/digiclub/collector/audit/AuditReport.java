package bg.digiclub.collector.audit;

import java.util.List;
import java.util.Objects;

/**
 * What {@link AuditVerifier} checked and found.
 *
 * @param lines       lines of the log walked, the genesis included
 * @param batches     batches whose figures were recomputed
 * @param head        the chain's head when it was read
 * @param derivedRows rows of the derived tables recomputed from the raw ones
 * @param findings    what is wrong, the first first; empty if everything holds
 */
public record AuditReport(long lines, long batches, BatchLog.Head head, long derivedRows, List<Finding> findings) {
    public AuditReport {
        Objects.requireNonNull(head, "head");
        findings = List.copyOf(findings);
    }

    public boolean holds() {
        return findings.isEmpty();
    }
}
