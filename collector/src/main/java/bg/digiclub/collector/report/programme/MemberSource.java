package bg.digiclub.collector.report.programme;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

/**
 * Where {@link MemberPublication} gets distinct members from: {@link MemberFigures} (the collector's
 * {@code card_visits}), a table of numbers in tests.
 */
@FunctionalInterface
public interface MemberSource {
    /**
     * Every club's distinct members with a visit from {@code from} to {@code to} (both included);
     * clubs with none may be left out.
     */
    Map<String, MemberCounts> countAll(LocalDate from, LocalDate to) throws SQLException;
}
