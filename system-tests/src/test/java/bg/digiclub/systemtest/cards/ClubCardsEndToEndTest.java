package bg.digiclub.systemtest.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import bg.digiclub.agent.member.CardSync;
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
 * Member cards belong to the club: a card made on PC A's staff panel logs in on PC B of the same
 * club and not on a PC of another club; its daily allowance is counted over both PCs; with the
 * collector out of reach both PCs keep working on their replicas, and once it is back no card is
 * lost and the later change of a card wins. All over the kiosk's real socket client, the agents'
 * real stores and card sync, real HTTP and the real collector; no card code ever crosses the wire.
 */
class ClubCardsEndToEndTest {
    private static final String RODINA = "sz-rodina-1860";
    private static final String ZAGORE = "zagore-probuda-1928";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "collector on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void cardsAreTheClubsOnEveryPcOfItAndOnNoOtherClubs(String store) throws Exception {
        TestClock clock = TestClock.sofia(
                LocalDate.of(2026, 12, 7).atTime(9, 0).atZone(TestClock.SOFIA).toInstant());
        try (CollectorUnderTest collector = new CollectorUnderTest(store, dir, clock);
                FaultProxy network = new FaultProxy(() -> collector.running() ? collector.port() : -1)) {
            collector.addClub(RODINA, "НЧ „Родина – 1860“", "Стара Загора");
            collector.addClub(ZAGORE, "НЧ „Пробуда – 1928“", "с. Загоре");
            String rodinaCode = collector.newEnrolmentCode(RODINA);
            String zagoreCode = collector.newEnrolmentCode(ZAGORE);
            try (ClubPc a = new ClubPc(dir.resolve("a"), clock, network.url(), Duration.ofSeconds(10));
                    ClubPc b = new ClubPc(dir.resolve("b"), clock, network.url(), Duration.ofSeconds(10));
                    ClubPc other = new ClubPc(dir.resolve("other"), clock, network.url(), Duration.ofSeconds(10));
                    CardSync syncA = a.cardSync();
                    CardSync syncB = b.cardSync();
                    CardSync syncOther = other.cardSync();
                    SocketAgentClient kioskA = a.kiosk();
                    SocketAgentClient kioskB = b.kiosk();
                    SocketAgentClient kioskOther = other.kiosk()) {
                // a card made on A before A was even enrolled is kept and becomes the club's
                NewMemberCard early = newCard(kioskA);
                a.enrol(rodinaCode);
                b.enrol(rodinaCode);
                other.enrol(zagoreCode);
                NewMemberCard card = newCard(kioskA);
                syncAll(syncA, syncB, syncOther);

                // the card made on A logs in on B, and not at the other club
                assertEquals(
                        MemberLogin.Outcome.OK, login(kioskB, card, card.pin()).outcome());
                assertEquals(
                        MemberLogin.Outcome.OK,
                        login(kioskB, early, early.pin()).outcome());
                assertNotEquals(
                        MemberLogin.Outcome.OK,
                        login(kioskOther, card, card.pin()).outcome());
                assertEquals(
                        0,
                        collector.number("SELECT COUNT(*) FROM club_cards WHERE club_id = ?", ZAGORE),
                        "the other club holds none of the club's cards");
                assertEquals(2, collector.number("SELECT COUNT(*) FROM club_cards WHERE club_id = ?", RODINA));

                // the daily allowance (2 h a session, 4 h a day) spans both PCs
                session(clock, kioskA, card, Duration.ofMinutes(120));
                syncAll(syncA, syncB);
                MemberLogin onB = login(kioskB, card, card.pin());
                assertEquals(Duration.ofMinutes(120), onB.allowedNow(), "4 h a day, 2 h used on A");
                session(clock, kioskB, card, Duration.ofMinutes(100));
                syncAll(syncB, syncA);
                assertEquals(
                        Duration.ofMinutes(20),
                        login(kioskA, card, card.pin()).allowedNow(),
                        "4 h a day, 2 h on A and 1 h 40 min on B");

                // the collector out of reach: both PCs change cards on their replicas
                collector.stop();
                assertThrows(IOException.class, syncA::syncOnce);
                assertTrue(kioskA.authenticateStaff(ClubPc.STAFF_PIN.toCharArray()));
                String pinOnA = kioskA.resetMemberPin(card.code());
                clock.advance(Duration.ofMinutes(1));
                assertTrue(kioskB.authenticateStaff(ClubPc.STAFF_PIN.toCharArray()));
                String pinOnB = kioskB.resetMemberPin(card.code());
                NewMemberCard madeOnB = newCard(kioskB);
                assertTrue(kioskA.authenticateStaff(ClubPc.STAFF_PIN.toCharArray()));
                kioskA.disableMemberCard(early.code());
                NewMemberCard madeOnA = newCard(kioskA);
                assertEquals(
                        MemberLogin.Outcome.OK,
                        login(kioskB, madeOnB, madeOnB.pin()).outcome(),
                        "offline");
                assertThrows(IOException.class, syncB::syncOnce);

                // back: A syncs first, B second, then A again
                collector.start();
                syncAll(syncA, syncB, syncA);
                for (SocketAgentClient kiosk : new SocketAgentClient[] {kioskA, kioskB}) {
                    assertEquals(
                            MemberLogin.Outcome.WRONG_PIN,
                            login(kiosk, card, pinOnA).outcome(),
                            "A's new PIN came first and lost");
                    assertNotEquals(
                            MemberLogin.Outcome.WRONG_PIN,
                            login(kiosk, card, pinOnB).outcome(),
                            "B's won");
                    assertEquals(
                            MemberLogin.Outcome.OK,
                            login(kiosk, madeOnA, madeOnA.pin()).outcome());
                    assertEquals(
                            MemberLogin.Outcome.OK,
                            login(kiosk, madeOnB, madeOnB.pin()).outcome());
                    assertEquals(
                            MemberLogin.Outcome.DISABLED,
                            login(kiosk, early, early.pin()).outcome());
                }
                assertEquals(4, collector.number("SELECT COUNT(*) FROM club_cards WHERE club_id = ?", RODINA));
                assertEquals(4, kioskB.memberCards().size(), "B has every card of the club, none lost");

                // what crossed the wire: keyed hashes, never a code
                String wire = network.captured().stream()
                        .filter(c -> c.path().startsWith("/api/v1/cards/"))
                        .map(FaultProxy.Captured::text)
                        .reduce("", String::concat);
                assertFalse(wire.isEmpty());
                for (NewMemberCard c : new NewMemberCard[] {early, card, madeOnA, madeOnB}) {
                    assertFalse(wire.contains(c.code()), "a card code went to the collector");
                }
            }
        }
    }

    private static void syncAll(CardSync... syncs) throws Exception {
        for (CardSync sync : syncs) {
            assertEquals(CardSync.Outcome.SYNCED, sync.syncOnce());
        }
    }

    private static NewMemberCard newCard(SocketAgentClient kiosk) throws Exception {
        assertTrue(kiosk.authenticateStaff(ClubPc.STAFF_PIN.toCharArray()));
        return kiosk.createMemberCard();
    }

    private static MemberLogin login(SocketAgentClient kiosk, NewMemberCard card, String pin) throws Exception {
        return kiosk.authenticateMember(card.code(), pin.toCharArray());
    }

    /** A member's session of {@code length} on a kiosk, heartbeats every few minutes, logged out at the end. */
    private static void session(TestClock clock, SocketAgentClient kiosk, NewMemberCard card, Duration length)
            throws Exception {
        MemberLogin login = login(kiosk, card, card.pin());
        assertEquals(MemberLogin.Outcome.OK, login.outcome());
        kiosk.startSession(VisitorKind.MEMBER, card.code(), Demographics.NOT_DECLARED, length);
        for (Duration done = Duration.ZERO; done.compareTo(length) < 0; done = done.plus(ClubPc.HEARTBEAT)) {
            clock.advance(ClubPc.HEARTBEAT);
            kiosk.heartbeat();
        }
        kiosk.endSession(EndReason.LOGOUT);
        assertTrue(LocalTime.ofInstant(clock.instant(), TestClock.SOFIA).isBefore(LocalTime.of(23, 0)));
    }
}
