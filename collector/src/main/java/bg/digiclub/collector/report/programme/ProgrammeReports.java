package bg.digiclub.collector.report.programme;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Makes programme reports: reads the figures, rolls our age bands up to the configured ones and
 * publishes them with the suppression rules. The one source of the page, the CSV and the read API.
 */
public interface ProgrammeReports {
    /** The report, or empty if the scope names a club this collector does not hold. */
    Optional<ProgrammeReport> report(ReportScope scope, ReportPeriod period) throws SQLException;
}
