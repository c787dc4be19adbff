package bg.digiclub.agent.upload;

import java.sql.SQLException;

/**
 * Seals into the outbox whatever periods have become complete (the usage aggregation does this).
 * Called by {@link UploadService} before each round so a round sends everything due.
 */
@FunctionalInterface
public interface BatchSource {
    /** Seals every complete, not yet sealed period; returns how many batches were sealed. */
    int sealDue() throws SQLException;
}
