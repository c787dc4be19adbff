package bg.digiclub.systemtest.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import bg.digiclub.agent.member.CardSync;
import bg.digiclub.collector.report.programme.MemberFigures;
import bg.digiclub.collector.report.programme.MemberPublication;
import bg.digiclub.collector.report.programme.ReportBands;
import bg.digiclub.collector.report.programme.ReportPeriod;
import bg.digiclub.collector.report.programme.ReportScope;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.kiosk.agentlink.MemberLogin;
import bg.digiclub.kiosk.agentlink.NewMemberCard;
import bg.digiclub.kiosk.agentlink.SocketAgentClient;
import bg.digiclub.systemtest.support.ClubPc;
import bg.digiclub.systemtest.support.CollectorUnderTest;
import bg.digiclub.systemtest.support.FaultProxy;
import bg.digiclub.testsupport.TestClock;

/**
 * Distinct members end to end (issue 14): a card used on two PCs of the club on one day, and on one
 * of them the next day, is one member of the month; the days travel as keyed hashes with the card
 * sync, and a round whose answer was lost, sent again, does not count the card twice. Over the
 * kiosk's real socket client, the agents' real session authority, stores and card sync, real HTTP
 * and the real collector with its own report query.
 */
class MemberVisitsEndToEndTest {
    private static final String RODINA = "sz-rodina-1860";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "collector on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aCardUsedOnTwoPcsOnTwoDaysIsOneMemberOfTheMonthHoweverOftenSent(String store) throws Exception {
        TestClock clock = TestClock.sofia(
                LocalDate.of(2026, 12, 7).atTime(9, 0).atZone(TestClock.SOFIA).toInstant());
        try (CollectorUnderTest collector = new CollectorUnderTest(store, dir, clock);
                FaultProxy network = new FaultProxy(() -> collector.running() ? collector.port() : -1)) {
            collector.addClub(RODINA, "НЧ „Родина – 1860“", "Стара Загора");
            String code = collector.newEnrolmentCode(RODINA);
            try (ClubPc a = new ClubPc(dir.resolve("a"), clock, network.url(), Duration.ofSeconds(10));
                    ClubPc b = new ClubPc(dir.resolve("b"), clock, network.url(), Duration.ofSeconds(10));
                    CardSync syncA = a.cardSync();
                    CardSync syncB = b.cardSync();
                    SocketAgentClient kioskA = a.kiosk();
                    SocketAgentClient kioskB = b.kiosk()) {
                a.enrol(code);
                b.enrol(code);
                assertTrue(kioskA.authenticateStaff(ClubPc.STAFF_PIN.toCharArray()));
                NewMemberCard card = kioskA.createMemberCard();
                syncAll(syncA, syncB, syncA);

                // Monday: on A, then on B
                session(clock, kioskA, card);
                session(clock, kioskB, card);
                syncAll(syncA, syncB);
                assertEquals(1, collector.number("SELECT COUNT(*) FROM card_visits WHERE club_id = ?", RODINA));
                // Tuesday: on B
                clock.advance(Duration.ofDays(1));
                session(clock, kioskB, card);
                syncAll(syncB);
                assertEquals(2, collector.number("SELECT COUNT(*) FROM card_visits WHERE club_id = ?", RODINA));

                // A's answer was lost after the collector stored the round: A sends its visit again
                a.database().write(c -> {
                    try (PreparedStatement unconfirm =
                            c.prepareStatement("UPDATE card_visit SET confirmed_at = NULL")) {
                        return unconfirm.executeUpdate();
                    }
                });
                syncAll(syncA, syncB);
                assertEquals(
                        2,
                        collector.number("SELECT COUNT(*) FROM card_visits WHERE club_id = ?", RODINA),
                        "a round sent again stores nothing twice");
                long confirmed = a.database().read(c -> {
                    try (var count = c.prepareStatement(
                                    "SELECT COUNT(*) FROM card_visit WHERE confirmed_at IS NOT NULL");
                            var rs = count.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                assertEquals(1, confirmed, "A's one visit is confirmed again");

                LocalDate december = LocalDate.of(2026, 12, 1);
                assertEquals(
                        1,
                        new MemberFigures(collector.database())
                                .count(List.of(RODINA), december, december.plusDays(30))
                                .get(RODINA)
                                .distinct(),
                        "one card on two PCs and two days is one member of December");
                assertEquals(
                        1,
                        MemberPublication.publish(
                                        ReportPeriod.parse("2026-12"),
                                        ReportScope.club(RODINA),
                                        new MemberFigures(collector.database()),
                                        // the default rows; youth from 18, valid with and without the 15 cut
                                        ReportBands.of(List.of("0-17", "18-29", "30-54", "55+"), "18-29"))
                                .members());

                String wire = network.captured().stream()
                        .filter(c -> c.path().startsWith("/api/v1/cards/"))
                        .map(FaultProxy.Captured::text)
                        .reduce("", String::concat);
                assertTrue(wire.contains("\"visits\""), "the days went with the card sync");
                assertFalse(wire.contains(card.code()), "a card code went to the collector");
            }
        }
    }

    private static void syncAll(CardSync... syncs) throws Exception {
        for (CardSync sync : syncs) {
            assertEquals(CardSync.Outcome.SYNCED, sync.syncOnce());
        }
    }

    /** A member's 20-minute session on a kiosk, logged out at the end. */
    private static void session(TestClock clock, SocketAgentClient kiosk, NewMemberCard card) throws Exception {
        MemberLogin login = kiosk.authenticateMember(card.code(), card.pin().toCharArray());
        assertEquals(MemberLogin.Outcome.OK, login.outcome());
        kiosk.startSession(VisitorKind.MEMBER, card.code(), Demographics.NOT_DECLARED, Duration.ofMinutes(20));
        for (int i = 0; i < 4; i++) {
            clock.advance(ClubPc.HEARTBEAT);
            kiosk.heartbeat();
        }
        kiosk.endSession(EndReason.LOGOUT);
    }
}
