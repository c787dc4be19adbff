package bg.digiclub.agent.upload;

import bg.digiclub.common.batch.BatchKind;

/**
 * Looks at every payload before it is sealed and refuses one that holds something that must
 * never leave the PC (docs/privacy.md). The outbox seals nothing a guard refused.
 */
@FunctionalInterface
public interface PayloadGuard {
    /**
     * @param kind what the batch holds (health snapshots are taken on the quarter hour; usage is by the hour)
     * @param json the payload as it will be sent (before compression)
     * @throws PrivacyViolation naming what was found (never the found value itself)
     */
    void check(BatchKind kind, String json);
}
