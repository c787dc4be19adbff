package bg.digiclub.collector.report.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.cards.ClubCards;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.testing.TestDatabases;
import bg.digiclub.common.cards.CardRecord;
import bg.digiclub.common.cards.CardSyncRequest;
import bg.digiclub.common.cards.CardVisit;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.support.secret.KeyedHash;
import bg.digiclub.testsupport.TestClock;

/**
 * Distinct members read from real SQLite and PostgreSQL, with cards and visits put there the way the
 * PCs' syncs put them ({@link ClubCards#sync}).
 *
 * <pre>
 * north: card A (30-54 F)  visits 2026-01-05, 2026-01-20 (two PCs), 2026-02-02
 *        card B (55-64 M)  visits 2026-01-31
 *        card C (never declared) visits 2026-02-10
 *        card D (18-24 F)  no visit
 * south: card E (30-54 F)  visits 2026-01-05
 * January, north: A, B = 2 (30-54 F 1, 55-64 M 1); February: A, C = 2 (30-54 F 1, not declared 1);
 * January..February, north: A, B, C = 3; south: E = 1 each time January is in.
 * </pre>
 */
class MemberFiguresTest {
    private static final String PIN =
            "pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

    @TempDir
    Path temp;

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void distinctCardsOfAClubInADayRangeInAllAndByTheirDeclaration(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            load(db);
            MemberFigures figures = new MemberFigures(db);
            LocalDate jan1 = LocalDate.of(2026, 1, 1);
            LocalDate jan31 = LocalDate.of(2026, 1, 31);
            LocalDate feb28 = LocalDate.of(2026, 2, 28);

            Map<String, MemberCounts> january = figures.count(List.of("north", "south", "empty"), jan1, jan31);
            assertEquals(2, january.get("north").distinct());
            assertEquals(1, january.get("north").of(AgeBand.AGE_30_54, Sex.FEMALE));
            assertEquals(1, january.get("north").of(AgeBand.AGE_55_64, Sex.MALE));
            assertEquals(1, january.get("south").distinct());
            assertEquals(MemberCounts.NONE, january.get("empty"), "a club asked for is answered, with none");

            Map<String, MemberCounts> february = figures.count(List.of("north"), LocalDate.of(2026, 2, 1), feb28);
            assertEquals(2, february.get("north").distinct());
            assertEquals(1, february.get("north").of(AgeBand.NOT_DECLARED, Sex.NOT_DECLARED), "never declared");

            Map<String, MemberCounts> both = figures.countAll(jan1, feb28);
            assertEquals(3, both.get("north").distinct(), "A in both months counts once");
            assertEquals(1, both.get("south").distinct());
            assertEquals(2, both.size());
            assertEquals(
                    0,
                    figures.countAll(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))
                            .size());
            assertEquals(
                    1,
                    figures.count(List.of("north"), LocalDate.of(2026, 1, 31), LocalDate.of(2026, 1, 31))
                            .get("north")
                            .distinct(),
                    "both ends are included");
        }
    }

    private static void load(Database db) throws Exception {
        Instant at = Instant.parse("2026-01-01T08:00:00Z");
        ClubStore clubs = new ClubStore(db);
        clubs.saveClub(new Club("north", "НЧ „Север“", "с. Горно", TestClock.SOFIA), at);
        clubs.saveClub(new Club("south", "НЧ „Юг“", "с. Долно", TestClock.SOFIA), at);
        clubs.saveClub(new Club("empty", "НЧ „Празно“", "с. Средно", TestClock.SOFIA), at);
        ClubCards cards = new ClubCards(db, new SecureRandom(), TestClock.sofia(at));
        KeyedHash north = new KeyedHash(cards.key("north"));
        KeyedHash south = new KeyedHash(cards.key("south"));
        CardRecord a = card(north, "10000001", new Demographics(AgeBand.AGE_30_54, Sex.FEMALE), at);
        CardRecord b = card(north, "10000002", new Demographics(AgeBand.AGE_55_64, Sex.MALE), at);
        CardRecord c = card(north, "10000003", null, at);
        CardRecord d = card(north, "10000004", new Demographics(AgeBand.AGE_18_24, Sex.FEMALE), at);
        CardRecord e = card(south, "10000001", new Demographics(AgeBand.AGE_30_54, Sex.FEMALE), at);
        LocalDate feb10 = LocalDate.of(2026, 2, 10);
        sync(cards, "north", "pc-1", feb10, List.of(a, b, c, d), List.of());
        sync(cards, "north", "pc-1", feb10, List.of(), visits(a, "2026-01-05", "2026-01-20", "2026-02-02"));
        sync(cards, "north", "pc-2", feb10, List.of(), visits(a, "2026-01-20"));
        sync(cards, "north", "pc-2", feb10, List.of(), visits(b, "2026-01-31"));
        sync(cards, "north", "pc-2", feb10, List.of(), visits(c, "2026-02-10"));
        sync(cards, "south", "pc-3", feb10, List.of(e), visits(e, "2026-01-05"));
    }

    private static void sync(
            ClubCards cards, String club, String pc, LocalDate today, List<CardRecord> made, List<CardVisit> visits)
            throws Exception {
        cards.sync(club, pc, new CardSyncRequest(0, today, made, List.of(), visits), today);
    }

    private static CardRecord card(KeyedHash key, String code, Demographics declared, Instant at) {
        return new CardRecord(key.hex(code), PIN, declared, false, at, 0);
    }

    private static List<CardVisit> visits(CardRecord card, String... days) {
        List<CardVisit> visits = new ArrayList<>();
        for (String day : days) {
            visits.add(new CardVisit(card.codeHash(), LocalDate.parse(day)));
        }
        return visits;
    }
}
