package bg.digiclub.collector.report.programme;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import bg.digiclub.collector.store.Database;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;

/**
 * Distinct members, exact: per club, the cards with at least one visit in a range of the club's days
 * ({@code card_visits}, migration V7, filled by the PCs' card syncs), in all and by the age band and
 * sex declared on the card ({@code club_cards}; a card never declared counts as not declared in
 * both). A person holding cards at two clubs counts at each. Nothing here is suppressed:
 * {@link MemberPublication} decides what may be shown.
 */
public final class MemberFigures implements MemberSource {
    private final Database database;

    public MemberFigures(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The clubs' members from {@code from} to {@code to}, both included; every club asked is in the answer. */
    public Map<String, MemberCounts> count(List<String> clubIds, LocalDate from, LocalDate to) throws SQLException {
        Objects.requireNonNull(clubIds, "clubIds");
        Map<String, MemberCounts> all = query(clubIds, from, to);
        Map<String, MemberCounts> asked = new HashMap<>();
        for (String club : clubIds) {
            asked.put(club, all.getOrDefault(club, MemberCounts.NONE));
        }
        return asked;
    }

    /** Every club with a visit from {@code from} to {@code to}, both included. */
    @Override
    public Map<String, MemberCounts> countAll(LocalDate from, LocalDate to) throws SQLException {
        return query(null, from, to);
    }

    private Map<String, MemberCounts> query(List<String> clubIds, LocalDate from, LocalDate to) throws SQLException {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        if (clubIds != null && clubIds.isEmpty()) {
            return Map.of();
        }
        return database.read(c -> read(c, clubIds, from, to));
    }

    private static Map<String, MemberCounts> read(Connection c, List<String> clubIds, LocalDate from, LocalDate to)
            throws SQLException {
        String clubs = clubIds == null ? "" : " AND v.club_id IN (" + "?,".repeat(clubIds.size() - 1) + "?)";
        // each card has one declaration: per (band, sex) the distinct cards add up to the club's distinct cards
        String sql = "SELECT v.club_id, k.age_band, k.sex, COUNT(DISTINCT v.card_id) FROM card_visits v "
                + "JOIN club_cards k ON k.club_id = v.club_id AND k.card_id = v.card_id "
                + "WHERE v.day >= ? AND v.day <= ?" + clubs + " GROUP BY v.club_id, k.age_band, k.sex";
        Map<String, Map<AgeBand, long[]>> byClub = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setLong(1, from.toEpochDay());
            select.setLong(2, to.toEpochDay());
            if (clubIds != null) {
                for (int i = 0; i < clubIds.size(); i++) {
                    select.setString(3 + i, clubIds.get(i));
                }
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String band = row.getString(2);
                    AgeBand ageBand = band == null ? AgeBand.NOT_DECLARED : AgeBand.valueOf(band);
                    Sex sex = band == null ? Sex.NOT_DECLARED : Sex.valueOf(row.getString(3));
                    byClub.computeIfAbsent(row.getString(1), k -> new EnumMap<>(AgeBand.class))
                                    .computeIfAbsent(ageBand, k -> new long[Sex.values().length])[sex.ordinal()] +=
                            row.getLong(4);
                }
            }
        }
        Map<String, MemberCounts> counts = new HashMap<>();
        byClub.forEach((club, bands) -> {
            long distinct = bands.values().stream()
                    .mapToLong(bySex -> Arrays.stream(bySex).sum())
                    .sum();
            counts.put(club, new MemberCounts(distinct, bands));
        });
        return counts;
    }
}
