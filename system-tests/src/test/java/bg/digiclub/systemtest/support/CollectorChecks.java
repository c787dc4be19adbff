package bg.digiclub.systemtest.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What the collector's tables must hold after an upload: the planned numbers, each batch once. */
public final class CollectorChecks {
    private CollectorChecks() {}

    /**
     * Sessions, guests, members and minutes per PC and UTC hour (the raw rows) and per local day
     * and hour (the dashboard's sums) equal the plan's.
     *
     * @param pcOf device id -> PC index of the plan
     */
    public static void assertHours(
            CollectorUnderTest collector, String club, Expected expected, Map<String, Integer> pcOf)
            throws SQLException {
        Map<String, long[]> stored = new TreeMap<>();
        for (List<String> r : collector.rows("SELECT device_id, hour, sessions, guest_sessions, member_sessions, "
                + "session_minutes FROM usage_hours")) {
            long sessions = Long.parseLong(r.get(2));
            long minutes = Long.parseLong(r.get(5));
            if (sessions == 0 && minutes == 0) {
                continue; // an hour the PC was only switched on
            }
            stored.put(
                    Expected.key(pcOf.get(r.get(0)), Instant.ofEpochSecond(Long.parseLong(r.get(1)))),
                    new long[] {sessions, Long.parseLong(r.get(3)), Long.parseLong(r.get(4)), minutes});
        }
        assertEquals(text(expected.pcHours), text(stored), "sessions, guests, members, minutes per PC and UTC hour");

        Map<String, long[]> dayHours = new TreeMap<>();
        for (List<String> r : collector.rows(
                "SELECT day, hour_of_day, sessions, session_minutes FROM club_hours " + "WHERE club_id = ?", club)) {
            if (Long.parseLong(r.get(2)) == 0 && Long.parseLong(r.get(3)) == 0) {
                continue;
            }
            dayHours.put(
                    LocalDate.ofEpochDay(Long.parseLong(r.get(0))) + "T" + r.get(1),
                    new long[] {Long.parseLong(r.get(2)), Long.parseLong(r.get(3))});
        }
        assertEquals(text(expected.dayHours), text(dayHours), "sessions and minutes per local day and hour");

        long[][] demographics = new long[expected.demographics.length][expected.demographics[0].length];
        for (List<String> r : collector.rows(
                "SELECT age_band, sex, SUM(sessions) FROM usage_demographics " + "GROUP BY age_band, sex")) {
            demographics[bg.digiclub.common.link.AgeBand.valueOf(r.get(0)).ordinal()][
                            bg.digiclub.common.link.Sex.valueOf(r.get(1)).ordinal()] =
                    Long.parseLong(r.get(2));
        }
        assertEquals(
                Arrays.deepToString(expected.demographics),
                Arrays.deepToString(demographics),
                "sessions per age band x sex");
        assertEquals(
                expected.memberDays,
                collector.number("SELECT SUM(distinct_members) FROM usage_days"),
                "distinct members per PC and day, added up");

        Map<String, long[]> tiles = new TreeMap<>();
        for (List<String> r : collector.rows(
                "SELECT day, category, SUM(sessions) FROM usage_tile_categories " + "GROUP BY day, category")) {
            tiles.computeIfAbsent(
                                    LocalDate.ofEpochDay(Long.parseLong(r.get(0)))
                                            .toString(),
                                    k -> new long[bg.digiclub.common.link.TileCategory.values().length])[
                            bg.digiclub.common.link.TileCategory.valueOf(r.get(1))
                                    .ordinal()] =
                    Long.parseLong(r.get(2));
        }
        Map<String, long[]> expectedTiles = new TreeMap<>();
        expected.tileSessions.forEach((day, counts) -> expectedTiles.put(day.toString(), counts));
        assertEquals(
                text(expectedTiles), text(tiles), "sessions that opened a tile of each category, per day they started");
    }

    /** The ids of every batch the PCs ever sealed (from their sealed-period records), per kind. */
    public static Map<String, Set<String>> sealedBatches(ClubPc... pcs) throws SQLException {
        Map<String, Set<String>> byKind = new TreeMap<>();
        for (ClubPc pc : pcs) {
            pc.database().read(c -> {
                try (var s = c.prepareStatement("SELECT kind, batch_id FROM sealed_period");
                        var r = s.executeQuery()) {
                    while (r.next()) {
                        String kind = r.getString(1).startsWith("USAGE") ? "USAGE" : "HEALTH";
                        byKind.computeIfAbsent(kind, k -> new HashSet<>()).add(r.getString(2));
                    }
                }
                return null;
            });
        }
        return byKind;
    }

    /** The batch ids the collector stored, per kind. */
    public static Map<String, Set<String>> storedBatches(CollectorUnderTest collector) throws SQLException {
        Map<String, Set<String>> byKind = new TreeMap<>();
        for (List<String> r : collector.rows("SELECT kind, batch_id FROM batches")) {
            byKind.computeIfAbsent(r.get(0), k -> new HashSet<>()).add(r.get(1));
        }
        return byKind;
    }

    /** Every batch sealed is stored, and nothing else is (the batches table's key makes "once"). */
    public static void assertEverySealedBatchStored(CollectorUnderTest collector, ClubPc... pcs) throws SQLException {
        Map<String, Set<String>> sealed = sealedBatches(pcs);
        assertEquals(sealed, storedBatches(collector), "the batches sealed on the PCs are the batches stored");
        long total = sealed.values().stream().mapToLong(Set::size).sum();
        assertEquals(total, collector.number("SELECT COUNT(*) FROM batches"));
        assertEquals(
                total,
                collector.number("SELECT SUM(batches_received) FROM devices"),
                "the devices' counters count each batch once");
    }

    public static List<String> ids(ClubPc... pcs) throws SQLException {
        List<String> ids = new ArrayList<>();
        for (ClubPc pc : pcs) {
            ids.add(pc.credentials().orElseThrow().deviceId().toString());
        }
        return ids;
    }

    static String text(Map<String, long[]> map) {
        StringBuilder s = new StringBuilder();
        map.forEach((k, v) -> s.append(k).append('=').append(Arrays.toString(v)).append('\n'));
        return s.toString();
    }
}
