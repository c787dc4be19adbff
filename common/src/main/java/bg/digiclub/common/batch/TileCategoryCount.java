package bg.digiclub.common.batch;

import bg.digiclub.common.link.TileCategory;

/**
 * Sessions started in one day that opened at least one launcher tile of one category (a session
 * that opened two learning tiles counts once under {@code LEARNING}; one that opened a learning
 * and an e-government tile counts once under each). Counts only: which tile, program or address
 * never leaves the PC. Categories with no session are left out.
 */
public record TileCategoryCount(TileCategory category, int sessions) {
    public TileCategoryCount {
        Require.present(category, "category");
        Require.range(sessions, 1, BatchLimits.MAX_SESSIONS_PER_DAY, "sessions");
    }
}
