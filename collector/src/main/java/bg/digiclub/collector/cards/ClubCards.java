package bg.digiclub.collector.cards;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
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

import bg.digiclub.collector.store.Database;
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
 * The club's cards in the collector's database (migrations V6, V7): the club's card key, one row per
 * card (its row id, the keyed hash of its code, the slow hash of its PIN, declared demographics,
 * disabled, the version of its last change), today's minutes per card and PC, and the days each card
 * had a member session ({@code card_visits}, by the card's row id). Each sync and each change of the
 * cards page is one transaction; a change takes the club's next version under the lock of the club's
 * key row, so versions become visible in order and a PC's cursor never skips one.
 *
 * <p>A card's row id is the version that made it: unique in the club, never reused, never changed.
 * Visits are a set (a retried sync, a card on two PCs the same day: one row). A visit of a card the
 * club does not hold (the PCs send a card's visits only once the collector has the card, so this is
 * a card the collector refused, or another club's) is dropped and counted in the log; so is one dated
 * after the club's tomorrow or before the kept days ({@link CardVisitRetention}).
 */
public final class ClubCards {
    private static final Logger LOG = LoggerFactory.getLogger(ClubCards.class);
    /** Minutes are kept for today and yesterday (the club's days), then deleted. */
    static final int MINUTE_DAYS_KEPT = 2;

    private final Database database;
    private final SecureRandom random;
    private final Clock clock;
    private final CardVisitRetention visitRetention;

    /** With visits kept {@link CardVisitRetention#DEFAULT_DAYS}. */
    public ClubCards(Database database, SecureRandom random, Clock clock) {
        this(database, random, clock, CardVisitRetention.DEFAULT);
    }

    public ClubCards(Database database, SecureRandom random, Clock clock, CardVisitRetention visitRetention) {
        this.database = Objects.requireNonNull(database, "database");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.visitRetention = Objects.requireNonNull(visitRetention, "visitRetention");
    }

    /** What one sync did: the answer, and the club's newest version if a change was accepted. */
    public record SyncOutcome(CardSyncResponse response, Optional<Long> changedTo) {
        public SyncOutcome {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(changedTo, "changedTo");
        }
    }

    /** A card as the cards page shows it: no code (the collector never has it), a short reference. */
    public record CardView(String codeHash, boolean disabled, boolean declared, Instant changedAt, int minutesToday) {
        public CardView {
            Objects.requireNonNull(codeHash, "codeHash");
            Objects.requireNonNull(changedAt, "changedAt");
        }

        /** The first 10 hex digits of the keyed hash: how staff on the page and on a PC tell cards apart. */
        public String reference() {
            return "#" + codeHash.substring(0, 10);
        }
    }

    /** The club's card key, made on first use. */
    public String key(String clubId) throws SQLException {
        return database.write(c -> key(c, clubId));
    }

    /**
     * One PC's sync: its changes merged in (the later change wins), its minutes today stored (and the
     * club's minutes older than yesterday deleted), its visits stored (and the club's visits older than
     * the kept days deleted), then the answer.
     *
     * @param today the club's day now: the request's day must be it or the day before
     */
    public SyncOutcome sync(String clubId, String deviceId, CardSyncRequest request, LocalDate today)
            throws SQLException {
        return database.write(c -> {
            String key = key(c, clubId);
            if (!request.changes().isEmpty()) {
                lock(c, clubId);
            }
            // the newest version before the changes since the cursor are read, never after: a change
            // committed in between is then in the answer or after the cursor, never skipped
            long last = lastVersion(c, clubId);
            boolean changed = false;
            Map<String, CardRecord> answer = new LinkedHashMap<>();
            long cursor = request.cursor() > last ? 0 : request.cursor();
            List<CardRecord> since = since(c, clubId, cursor, CardSyncResponse.MAX_CARDS + 1);
            boolean more = since.size() > CardSyncResponse.MAX_CARDS;
            if (more) {
                since = since.subList(0, CardSyncResponse.MAX_CARDS);
            }
            long newCursor =
                    since.isEmpty() ? cursor : since.get(since.size() - 1).version();
            if (!more) {
                // nothing waits after what the PC now gets: the cursor may stand at the club's newest version
                newCursor = Math.max(newCursor, last);
            }
            for (CardRecord card : since) {
                answer.put(card.codeHash(), card);
            }
            for (CardRecord change : request.changes()) {
                CardRecord stored = find(c, clubId, change.codeHash());
                Optional<CardRecord> merged = apply(c, clubId, stored, change, deviceId);
                changed |= merged.isPresent();
                answer.put(change.codeHash(), merged.orElse(stored));
            }
            if (changed && !more) {
                // the PC has every change up to its own: its next round starts after them
                newCursor = lastVersion(c, clubId);
            }
            storeMinutes(c, clubId, deviceId, request.day(), request.minutesToday());
            deleteMinutesBefore(c, clubId, today.minusDays(MINUTE_DAYS_KEPT - 1));
            storeVisits(c, clubId, deviceId, request.visits(), today);
            List<CardMinutes> others = otherPcsMinutes(c, clubId, deviceId, request.day());
            CardSyncResponse response =
                    new CardSyncResponse(key, newCursor, List.copyOf(answer.values()), more, others);
            return new SyncOutcome(response, changed ? Optional.of(lastVersion(c, clubId)) : Optional.empty());
        });
    }

    /**
     * A change made on the cards page (by the collector's clock), merged like a PC's.
     *
     * @return the club's newest version if the change took, empty if it changed nothing
     */
    public Optional<Long> change(String clubId, CardRecord change) throws SQLException {
        return database.write(c -> {
            key(c, clubId);
            lock(c, clubId);
            CardRecord stored = find(c, clubId, change.codeHash());
            return apply(c, clubId, stored, change, null).isPresent()
                    ? Optional.of(lastVersion(c, clubId))
                    : Optional.empty();
        });
    }

    /** A card of the club, if it exists. */
    public Optional<CardRecord> card(String clubId, String codeHash) throws SQLException {
        return database.read(c -> Optional.ofNullable(find(c, clubId, codeHash)));
    }

    /** The club's cards, newest change first, with their minutes on the club's PCs on {@code today}. */
    public List<CardView> list(String clubId, LocalDate today) throws SQLException {
        return database.read(c -> {
            List<CardView> cards = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT k.code_hash, k.disabled, k.age_band, k.changed_at, COALESCE(SUM(m.minutes), 0) "
                            + "FROM club_cards k LEFT JOIN club_card_minutes m ON m.club_id = k.club_id "
                            + "AND m.code_hash = k.code_hash AND m.day = ? WHERE k.club_id = ? "
                            + "GROUP BY k.code_hash, k.disabled, k.age_band, k.changed_at "
                            + "ORDER BY k.changed_at DESC, k.code_hash")) {
                select.setLong(1, today.toEpochDay());
                select.setString(2, clubId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        cards.add(new CardView(
                                row.getString(1),
                                row.getInt(2) != 0,
                                row.getString(3) != null,
                                Instant.ofEpochMilli(row.getLong(4)),
                                (int) Math.min(24 * 60, row.getLong(5))));
                    }
                }
            }
            return cards;
        });
    }

    /** Merges and stores one change; the stored record if it changed anything. */
    private Optional<CardRecord> apply(
            Connection c, String clubId, CardRecord stored, CardRecord change, String deviceId) throws SQLException {
        CardRecord merged = CardMerge.merge(stored, change, 0);
        if (!CardMerge.differs(stored, merged)) {
            return Optional.empty();
        }
        long version = nextVersion(c, clubId);
        merged = CardMerge.merge(stored, change, version);
        // a new card's row id is the version that made it (V7)
        String sql = stored == null
                ? "INSERT INTO club_cards (pin_hash, age_band, sex, disabled, version, changed_at, changed_by, "
                        + "club_id, code_hash, card_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE club_cards SET pin_hash = ?, age_band = ?, sex = ?, disabled = ?, version = ?, "
                        + "changed_at = ?, changed_by = ? WHERE club_id = ? AND code_hash = ?";
        try (PreparedStatement write = c.prepareStatement(sql)) {
            write.setString(1, merged.pinHash());
            Demographics d = merged.demographics();
            write.setString(2, d == null ? null : d.ageBand().name());
            write.setString(3, d == null ? null : d.sex().name());
            write.setInt(4, merged.disabled() ? 1 : 0);
            write.setLong(5, version);
            write.setLong(6, merged.changedAt().toEpochMilli());
            if (deviceId == null) {
                write.setNull(7, Types.VARCHAR);
            } else {
                write.setString(7, deviceId);
            }
            write.setString(8, clubId);
            write.setString(9, merged.codeHash());
            if (stored == null) {
                write.setLong(10, version);
            }
            write.executeUpdate();
        }
        return Optional.of(merged);
    }

    private String key(Connection c, String clubId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT card_key FROM club_card_keys WHERE club_id = ?")) {
            select.setString(1, clubId);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return row.getString(1);
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO club_card_keys (club_id, card_key, last_version, created_at) VALUES (?, ?, 0, ?) "
                        + "ON CONFLICT (club_id) DO NOTHING")) {
            insert.setString(1, clubId);
            insert.setString(2, KeyedHash.newKey(random));
            insert.setLong(3, clock.instant().getEpochSecond());
            insert.executeUpdate();
        }
        // another instance may have made it first: its key is the club's
        try (PreparedStatement select = c.prepareStatement("SELECT card_key FROM club_card_keys WHERE club_id = ?")) {
            select.setString(1, clubId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /**
     * Takes the lock of the club's key row for the rest of the transaction (PostgreSQL; SQLite has one
     * writer anyway): the club's card changes are made one transaction after another.
     */
    private static void lock(Connection c, String clubId) throws SQLException {
        try (PreparedStatement update =
                c.prepareStatement("UPDATE club_card_keys SET last_version = last_version WHERE club_id = ?")) {
            update.setString(1, clubId);
            update.executeUpdate();
        }
    }

    private static long nextVersion(Connection c, String clubId) throws SQLException {
        try (PreparedStatement update =
                c.prepareStatement("UPDATE club_card_keys SET last_version = last_version + 1 WHERE club_id = ?")) {
            update.setString(1, clubId);
            update.executeUpdate();
        }
        return lastVersion(c, clubId);
    }

    private static long lastVersion(Connection c, String clubId) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement("SELECT last_version FROM club_card_keys WHERE club_id = ?")) {
            select.setString(1, clubId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private static final String COLUMNS = "code_hash, pin_hash, age_band, sex, disabled, changed_at, version";

    private static CardRecord find(Connection c, String clubId, String codeHash) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement("SELECT " + COLUMNS + " FROM club_cards WHERE club_id = ? AND code_hash = ?")) {
            select.setString(1, clubId);
            select.setString(2, codeHash);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? card(row) : null;
            }
        }
    }

    private static List<CardRecord> since(Connection c, String clubId, long cursor, int limit) throws SQLException {
        List<CardRecord> cards = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                + " FROM club_cards WHERE club_id = ? AND version > ? ORDER BY version LIMIT " + limit)) {
            select.setString(1, clubId);
            select.setLong(2, cursor);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    cards.add(card(row));
                }
            }
        }
        return cards;
    }

    private static CardRecord card(ResultSet row) throws SQLException {
        String ageBand = row.getString(3);
        Demographics demographics =
                ageBand == null ? null : new Demographics(AgeBand.valueOf(ageBand), Sex.valueOf(row.getString(4)));
        return new CardRecord(
                row.getString(1),
                row.getString(2),
                demographics,
                row.getInt(5) != 0,
                Instant.ofEpochMilli(row.getLong(6)),
                row.getLong(7));
    }

    private static void storeMinutes(
            Connection c, String clubId, String deviceId, LocalDate day, List<CardMinutes> minutes)
            throws SQLException {
        try (PreparedStatement delete =
                c.prepareStatement("DELETE FROM club_card_minutes WHERE club_id = ? AND day = ? AND device_id = ?")) {
            delete.setString(1, clubId);
            delete.setLong(2, day.toEpochDay());
            delete.setString(3, deviceId);
            delete.executeUpdate();
        }
        if (minutes.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO club_card_minutes (club_id, day, code_hash, device_id, minutes) VALUES (?, ?, ?, ?, ?)")) {
            for (CardMinutes m : minutes) {
                insert.setString(1, clubId);
                insert.setLong(2, day.toEpochDay());
                insert.setString(3, m.codeHash());
                insert.setString(4, deviceId);
                insert.setInt(5, m.minutes());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void deleteMinutesBefore(Connection c, String clubId, LocalDate firstKept) throws SQLException {
        try (PreparedStatement delete =
                c.prepareStatement("DELETE FROM club_card_minutes WHERE club_id = ? AND day < ?")) {
            delete.setString(1, clubId);
            delete.setLong(2, firstKept.toEpochDay());
            delete.executeUpdate();
        }
    }

    /**
     * Stores a PC's visits (a set: what is there stays) and deletes the club's visits older than the
     * kept days. Visits of cards the club does not hold, and visits dated after the club's tomorrow
     * or before the kept days, are dropped and counted in the log.
     */
    private void storeVisits(Connection c, String clubId, String deviceId, List<CardVisit> visits, LocalDate today)
            throws SQLException {
        LocalDate firstKept = visitRetention.firstKept(today);
        int unknown = 0;
        int outside = 0;
        if (!visits.isEmpty()) {
            Map<String, Long> cardIds = new HashMap<>();
            try (PreparedStatement select =
                            c.prepareStatement("SELECT card_id FROM club_cards WHERE club_id = ? AND code_hash = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO card_visits (club_id, card_id, day) "
                            + "VALUES (?, ?, ?) ON CONFLICT (club_id, card_id, day) DO NOTHING")) {
                for (CardVisit visit : visits) {
                    if (visit.day().isBefore(firstKept) || visit.day().isAfter(today.plusDays(1))) {
                        outside++;
                        continue;
                    }
                    Long cardId = cardIds.containsKey(visit.codeHash())
                            ? cardIds.get(visit.codeHash())
                            : cardId(select, clubId, visit.codeHash());
                    cardIds.put(visit.codeHash(), cardId);
                    if (cardId == null) {
                        unknown++;
                        continue;
                    }
                    insert.setString(1, clubId);
                    insert.setLong(2, cardId);
                    insert.setLong(3, visit.day().toEpochDay());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (unknown + outside > 0) {
            LOG.info(
                    "card sync of device {} (club {}): {} visits of cards the club does not hold and {} dated "
                            + "outside {}..{} dropped",
                    deviceId,
                    clubId,
                    unknown,
                    outside,
                    firstKept,
                    today.plusDays(1));
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM card_visits WHERE club_id = ? AND day < ?")) {
            delete.setString(1, clubId);
            delete.setLong(2, firstKept.toEpochDay());
            delete.executeUpdate();
        }
    }

    private static Long cardId(PreparedStatement select, String clubId, String codeHash) throws SQLException {
        select.setString(1, clubId);
        select.setString(2, codeHash);
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? row.getLong(1) : null;
        }
    }

    private static List<CardMinutes> otherPcsMinutes(Connection c, String clubId, String deviceId, LocalDate day)
            throws SQLException {
        List<CardMinutes> minutes = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT code_hash, SUM(minutes) FROM club_card_minutes "
                + "WHERE club_id = ? AND day = ? AND device_id <> ? GROUP BY code_hash ORDER BY code_hash LIMIT "
                + CardSyncResponse.MAX_MINUTES)) {
            select.setString(1, clubId);
            select.setLong(2, day.toEpochDay());
            select.setString(3, deviceId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    minutes.add(new CardMinutes(row.getString(1), (int) Math.min(24 * 60, row.getLong(2))));
                }
            }
        }
        return minutes;
    }
}
