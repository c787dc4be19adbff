package bg.digiclub.agent.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.store.Database;
import bg.digiclub.common.cards.CardMinutes;
import bg.digiclub.common.cards.CardRecord;
import bg.digiclub.common.cards.CardSyncRequest;
import bg.digiclub.common.cards.CardSyncResponse;
import bg.digiclub.common.cards.CardVisit;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.support.secret.KeyedHash;

/**
 * This PC's cards as the club's offline replica (tables {@code member_card}, {@code card_sync},
 * {@code club_card_minutes}, {@code card_visit}: migrations V14, V15, V17): what a sync sends (the
 * changes and the visits not confirmed yet), how its answer is taken in, the club's key, and the
 * club's minutes today on the other PCs.
 *
 * <p>An answer's card replaces the local one unless the local one changed again after the request
 * was made (that change goes with the next round, and the collector decides). A PIN that changed
 * elsewhere lifts this PC's lockout of the card, as a new PIN here does.
 *
 * <p>Visits ({@link MemberVisits}): each day a card had a member session here, by the card's keyed
 * hash (by its code only while the club's key is not known). A visit is sent once the collector has
 * its card (the card's version is not 0), so that it never arrives before the card; the answer to the
 * request that carried it confirms it (in the same transaction as the rest of the answer). Confirmed
 * visits stay {@value #CONFIRMED_DAYS_KEPT} days, so a second session that day sends nothing again;
 * visits never confirmed go after {@value #UNSENT_DAYS_KEPT} days.
 */
public final class ClubCardReplica implements MemberVisits {
    private static final Logger LOG = LoggerFactory.getLogger(ClubCardReplica.class);
    /** Days a confirmed visit is kept (today included). */
    static final int CONFIRMED_DAYS_KEPT = 3;
    /** Days a visit the collector never confirmed is kept: a card it never took, a PC never enrolled. */
    static final int UNSENT_DAYS_KEPT = 400;

    private final Database db;
    private volatile Optional<KeyedHash> key;
    private volatile Runnable onLocalChange = () -> {};

    public ClubCardReplica(Database db) throws SQLException {
        this.db = Objects.requireNonNull(db, "db");
        this.key = db.read(ClubCardReplica::storedKey).map(KeyedHash::new);
    }

    /** What to do when a card changes on this PC (the card sync's "sync now"); nothing by default. */
    public void onLocalChange(Runnable action) {
        this.onLocalChange = Objects.requireNonNull(action, "action");
    }

    /** A card changed on this PC (made, declared, a new PIN, disabled): the club should hear of it soon. */
    void changedHere() {
        onLocalChange.run();
    }

    /** The club's card key, once a sync brought it. */
    public Optional<KeyedHash> key() {
        return key;
    }

    /** The highest card version this PC has seen (0 before the first sync). */
    public long cursor() throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT cursor FROM card_sync WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** The changes of this PC the collector has not confirmed, at most {@code limit}; none without the key. */
    public List<CardRecord> unsynced(int limit) throws SQLException {
        if (key.isEmpty()) {
            return List.of();
        }
        return db.read(c -> {
            List<CardRecord> changes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT code_hash, pin_hash, age_band, sex, disabled, changed_at, version FROM member_card "
                            + "WHERE unsynced = 1 AND code_hash IS NOT NULL ORDER BY changed_at LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            changes.add(record(rs));
                        } catch (IllegalArgumentException e) {
                            // a row the contract refuses (a PIN hash of another scheme) must not stop
                            // every other card's sync: it stays on this PC, as before club cards
                            LOG.warn("a member card of this PC cannot be offered to the club: {}", e.getMessage());
                        }
                    }
                }
            }
            return changes;
        });
    }

    @Override
    public void visited(String cardCode, LocalDate day) throws SQLException {
        Objects.requireNonNull(cardCode, "cardCode");
        Objects.requireNonNull(day, "day");
        Optional<KeyedHash> clubKey = key;
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    clubKey.isPresent()
                            ? "INSERT OR IGNORE INTO card_visit (day, code_hash) VALUES (?, ?)"
                            : "INSERT OR IGNORE INTO card_visit (day, code) VALUES (?, ?)")) {
                ps.setString(1, day.toString());
                ps.setString(2, clubKey.map(k -> k.hex(cardCode)).orElse(cardCode));
                ps.executeUpdate();
            }
            deleteVisitsBefore(c, day.minusDays(UNSENT_DAYS_KEPT - 1L), false);
            return null;
        });
    }

    /**
     * The visits the collector has not confirmed, oldest first, at most {@code limit}: only those of
     * cards the collector has (version not 0); none without the key.
     */
    public List<CardVisit> unsentVisits(int limit) throws SQLException {
        if (key.isEmpty()) {
            return List.of();
        }
        return db.read(c -> {
            List<CardVisit> visits = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT v.code_hash, v.day FROM card_visit v "
                    + "JOIN member_card m ON m.code_hash = v.code_hash "
                    + "WHERE v.confirmed_at IS NULL AND m.version > 0 ORDER BY v.day, v.code_hash LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        visits.add(new CardVisit(rs.getString(1), LocalDate.parse(rs.getString(2))));
                    }
                }
            }
            return visits;
        });
    }

    /** Whether visits wait to be sent whose cards the collector has. */
    public boolean hasUnsentVisits() throws SQLException {
        return !unsentVisits(1).isEmpty();
    }

    /** The club's minutes today of a card on its other PCs, as of the last sync. */
    public Duration otherPcsMinutes(String codeHash, LocalDate day) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT minutes FROM club_card_minutes WHERE code_hash = ? AND day = ?")) {
                ps.setString(1, codeHash);
                ps.setString(2, day.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Duration.ofMinutes(rs.getLong(1)) : Duration.ZERO;
                }
            }
        });
    }

    /**
     * Takes in a sync's answer in one transaction: the club's key (a new one: this PC moved to another
     * club, whose cards it starts again from), the hashes of local cards and visits made before the key
     * was known, the request's visits as confirmed, the cards, the cursor and the other PCs' minutes.
     */
    public void take(CardSyncRequest sent, CardSyncResponse answer, Instant now) throws SQLException {
        KeyedHash clubKey = new KeyedHash(answer.clubKey());
        db.write(c -> {
            Optional<String> before = storedKey(c);
            if (before.isPresent() && !before.get().equals(answer.clubKey())) {
                LOG.warn("the collector answered with another club's card key: this PC's club changed; "
                        + "the old club's cards are dropped, cards made here are offered to the new club");
                forgetClub(c);
            }
            if (before.isEmpty() || !before.get().equals(answer.clubKey())) {
                hashLocalCodes(c, clubKey);
            }
            // visits recorded by code before the key was known (or while this answer was on its way)
            hashVisitCodes(c, clubKey);
            confirmVisits(c, sent, now);
            Map<String, Instant> sentAt = new HashMap<>();
            for (CardRecord change : sent.changes()) {
                sentAt.put(change.codeHash(), change.changedAt());
            }
            for (CardRecord card : answer.cards()) {
                apply(c, card, sentAt.get(card.codeHash()), now);
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO card_sync (id, club_key, cursor, synced_at) VALUES (1, ?, ?, ?) "
                            + "ON CONFLICT (id) DO UPDATE SET club_key = excluded.club_key, cursor = excluded.cursor, "
                            + "synced_at = excluded.synced_at")) {
                ps.setString(1, answer.clubKey());
                ps.setLong(2, answer.cursor());
                ps.setLong(3, now.toEpochMilli());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM club_card_minutes")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO club_card_minutes (code_hash, day, minutes) VALUES (?, ?, ?)")) {
                for (CardMinutes m : answer.otherPcsMinutes()) {
                    ps.setString(1, m.codeHash());
                    ps.setString(2, sent.day().toString());
                    ps.setInt(3, m.minutes());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        key = Optional.of(clubKey);
    }

    private static void apply(Connection c, CardRecord card, Instant sentAt, Instant now) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT pin_hash, changed_at, unsynced FROM member_card WHERE code_hash = ?")) {
            ps.setString(1, card.codeHash());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    insert(c, card, now);
                    return;
                }
                boolean changedSince = rs.getInt(3) == 1 && (sentAt == null || rs.getLong(2) > sentAt.toEpochMilli());
                if (changedSince) {
                    // changed here after the request was made, or never sent: the next round sends it
                    return;
                }
                boolean newPin = !rs.getString(1).equals(card.pinHash());
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE member_card SET pin_hash = ?, age_band = ?, sex = ?, disabled = ?, changed_at = ?, "
                                + "version = ?, unsynced = 0"
                                + (newPin ? ", failed_attempts = 0, locked_until = NULL" : "")
                                + " WHERE code_hash = ?")) {
                    bindCard(update, card);
                    update.setString(7, card.codeHash());
                    update.executeUpdate();
                }
            }
        }
    }

    private static void insert(Connection c, CardRecord card, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO member_card (pin_hash, age_band, sex, disabled, changed_at, version, code_hash, "
                        + "created_at, unsynced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            bindCard(ps, card);
            ps.setString(7, card.codeHash());
            ps.setLong(8, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    private static void bindCard(PreparedStatement ps, CardRecord card) throws SQLException {
        ps.setString(1, card.pinHash());
        Demographics d = card.demographics();
        ps.setString(2, d == null ? null : d.ageBand().name());
        ps.setString(3, d == null ? null : d.sex().name());
        ps.setInt(4, card.disabled() ? 1 : 0);
        ps.setLong(5, card.changedAt().toEpochMilli());
        ps.setLong(6, card.version());
    }

    /** Cards made on this PC before the club's key was known get their hash, and wait to be sent. */
    private static void hashLocalCodes(Connection c, KeyedHash clubKey) throws SQLException {
        Map<String, String> hashes =
                hashesOfCodes(c, "SELECT code FROM member_card WHERE code_hash IS NULL AND code IS NOT NULL", clubKey);
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE member_card SET code_hash = ?, unsynced = 1 WHERE code = ?")) {
            for (Map.Entry<String, String> code : hashes.entrySet()) {
                ps.setString(1, code.getValue());
                ps.setString(2, code.getKey());
                ps.executeUpdate();
            }
        }
    }

    /** Each code {@code select} finds (its first column), with its hash under the club's key. */
    private static Map<String, String> hashesOfCodes(Connection c, String select, KeyedHash clubKey)
            throws SQLException {
        Map<String, String> hashes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(select);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String code = rs.getString(1);
                hashes.put(code, clubKey.hex(code));
            }
        }
        return hashes;
    }

    /** Visits recorded by a card's code get its hash; a visit the hash already has that day goes. */
    private static void hashVisitCodes(Connection c, KeyedHash clubKey) throws SQLException {
        Map<String, String> hashes =
                hashesOfCodes(c, "SELECT DISTINCT code FROM card_visit WHERE code IS NOT NULL", clubKey);
        if (hashes.isEmpty()) {
            return;
        }
        try (PreparedStatement hash = c.prepareStatement(
                        "UPDATE OR IGNORE card_visit SET code_hash = ?, code = NULL WHERE code = ?");
                PreparedStatement twice = c.prepareStatement("DELETE FROM card_visit WHERE code = ?")) {
            for (Map.Entry<String, String> code : hashes.entrySet()) {
                hash.setString(1, code.getValue());
                hash.setString(2, code.getKey());
                hash.executeUpdate();
                twice.setString(1, code.getKey());
                twice.executeUpdate();
            }
        }
    }

    /** The request's visits reached the collector; old confirmed and never confirmed visits go. */
    private static void confirmVisits(Connection c, CardSyncRequest sent, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE card_visit SET confirmed_at = ? "
                + "WHERE code_hash = ? AND day = ? AND confirmed_at IS NULL")) {
            for (CardVisit visit : sent.visits()) {
                ps.setLong(1, now.toEpochMilli());
                ps.setString(2, visit.codeHash());
                ps.setString(3, visit.day().toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        deleteVisitsBefore(c, sent.day().minusDays(CONFIRMED_DAYS_KEPT - 1L), true);
        deleteVisitsBefore(c, sent.day().minusDays(UNSENT_DAYS_KEPT - 1L), false);
    }

    private static void deleteVisitsBefore(Connection c, LocalDate firstKept, boolean confirmedOnly)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM card_visit WHERE day < ?" + (confirmedOnly ? " AND confirmed_at IS NOT NULL" : ""))) {
            ps.setString(1, firstKept.toString());
            ps.executeUpdate();
        }
    }

    /** Another club: its cards and visits go; cards made here stay, to be offered to the new club. */
    private static void forgetClub(Connection c) throws SQLException {
        for (String sql : new String[] {
            "DELETE FROM member_card WHERE code IS NULL",
            "DELETE FROM card_visit",
            "UPDATE member_card SET code_hash = NULL, version = 0, unsynced = 1",
            "DELETE FROM club_card_minutes",
            "DELETE FROM card_sync"
        }) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.executeUpdate();
            }
        }
    }

    private static Optional<String> storedKey(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT club_key FROM card_sync WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private static CardRecord record(ResultSet rs) throws SQLException {
        String ageBand = rs.getString("age_band");
        Demographics demographics =
                ageBand == null ? null : new Demographics(AgeBand.valueOf(ageBand), Sex.valueOf(rs.getString("sex")));
        return new CardRecord(
                rs.getString("code_hash"),
                rs.getString("pin_hash"),
                demographics,
                rs.getInt("disabled") == 1,
                Instant.ofEpochMilli(rs.getLong("changed_at")),
                rs.getLong("version"));
    }
}
