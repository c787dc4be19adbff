package bg.digiclub.systemtest.support;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import bg.digiclub.agent.store.Database;
import bg.digiclub.testsupport.PrivacyScan;

/**
 * The one {@link PrivacyScan} set up for a simulated club day: this machine's names, the member
 * codes and PIN hashes kept in the PCs' databases, and the exact start times of the day's visits;
 * then looked for in every request body the collector was sent.
 */
public final class ClubPrivacy {
    private ClubPrivacy() {}

    /** The scan for these visits (on PCs in {@code zone}) and the secrets in these PCs' databases. */
    public static PrivacyScan scan(List<Visit> visits, ZoneId zone, List<Database> pcDatabases) throws SQLException {
        PrivacyScan scan = PrivacyScan.ofThisMachine()
                .forbiddingStartsOf(
                        visits.stream().map(v -> v.startInstant(zone)).toList(), zone);
        for (Database db : pcDatabases) {
            scan = scan.forbidding(secretsOf(db));
        }
        return scan;
    }

    /** Fails naming each captured body and what was found in it, or when nothing was captured. */
    public static void assertClean(PrivacyScan scan, List<FaultProxy.Captured> bodies) {
        scan.assertClean(bodies, FaultProxy.Captured::text, c -> c.method() + " " + c.path());
    }

    /** Member codes and PIN hashes kept in a PC's database. */
    private static List<String> secretsOf(Database agentDb) throws SQLException {
        return agentDb.read(c -> {
            List<String> secrets = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT code, pin_hash FROM member_card");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    secrets.add(rs.getString(1));
                    secrets.add(rs.getString(2));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT pin_hash FROM staff_pin");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    secrets.add(rs.getString(1));
                }
            }
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT member_code FROM session WHERE member_code IS NOT NULL");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    secrets.add(rs.getString(1));
                }
            }
            return secrets;
        });
    }
}
