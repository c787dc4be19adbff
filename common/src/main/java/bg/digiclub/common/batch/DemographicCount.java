package bg.digiclub.common.batch;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;

/**
 * Sessions started in one day by visitors who declared one age band and sex
 * ({@code NOT_DECLARED} for either when the visitor did not say). Cells with zero sessions are
 * left out. The exact counts travel to the collector, which suppresses small cells when it
 * shows or exports them (a municipality-wide total needs the exact cells).
 */
public record DemographicCount(AgeBand ageBand, Sex sex, int sessions) {
    public DemographicCount {
        Require.present(ageBand, "ageBand");
        Require.present(sex, "sex");
        Require.range(sessions, 1, BatchLimits.MAX_SESSIONS_PER_DAY, "sessions");
    }
}
