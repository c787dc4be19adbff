package bg.digiclub.systemtest.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.wire.HelpState;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.kiosk.agentlink.MemberLogin;
import bg.digiclub.kiosk.agentlink.NewMemberCard;
import bg.digiclub.kiosk.agentlink.SocketAgentClient;
import bg.digiclub.systemtest.support.ClubPc;
import bg.digiclub.systemtest.support.ClubRoomPage;
import bg.digiclub.systemtest.support.LiveClub;
import bg.digiclub.testsupport.Patience;

/**
 * The visitor's side of the console through the kiosk's real link client, and back: a call for
 * help pressed on the kiosk shows on the mentor's page until the mentor answers it from there, and
 * the kiosk then says the mentor is coming (a member's session: nothing of the card in any frame); with the walk-up queue switched on in the club's
 * settings, a number given out on the page holds the free PC ("reserved for №1" on its lock
 * screen), that visitor's session there serves the number, and the next PC that frees up is held
 * for the next number.
 */
class KioskRoundTripTest {
    private static final Demographics GIRL_16 = new Demographics(AgeBand.AGE_16_17, Sex.FEMALE);
    private static final Demographics MAN_70 = new Demographics(AgeBand.AGE_65_74, Sex.MALE);

    @TempDir
    Path dir;

    @Test
    void aCallForHelpIsSeenOnThePageAndAnsweredFromIt() throws Exception {
        try (LiveClub club = new LiveClub("sqlite", dir, 2);
                SocketAgentClient kiosk = club.pc(2).agent().kiosk()) {
            ClubRoomPage page = new ClubRoomPage(club.mentor(), LiveClub.CLUB);
            // a member this time: the privacy scan looks for the card's code and PIN hash in every frame
            assertTrue(kiosk.authenticateStaff(ClubPc.STAFF_PIN.toCharArray()));
            NewMemberCard card = kiosk.createMemberCard();
            kiosk.logoutStaff();
            kiosk.authenticateMember(card.code(), card.pin().toCharArray());
            kiosk.declareDemographics(card.code(), MAN_70);
            // the member's own login on the lock screen, as every visit starts
            MemberLogin login = kiosk.authenticateMember(card.code(), card.pin().toCharArray());
            assertEquals(MemberLogin.Outcome.OK, login.outcome());
            kiosk.startSession(VisitorKind.MEMBER, card.code(), login.demographics(), login.allowedNow());
            Patience.await("the session shows on the page")
                    .until(() -> page.tile(2).mode().equals("IN_SESSION"));
            assertNull(page.tile(2).help());

            assertEquals(HelpState.CALLED, kiosk.callHelp());
            Patience.await("the call shows on PC 2's tile")
                    .until(() -> page.tile(2).help() != null);
            assertNull(page.tile(1).help(), "not on the other PC's");
            assertEquals(HelpState.CALLED, kiosk.notices().help());

            page.send(2, CommandKind.ANSWER_HELP, Map.of());
            Patience.await("the kiosk says the mentor is coming")
                    .until(() -> kiosk.notices().help().equals(HelpState.SEEN));
            Patience.await("the call is off the page once answered")
                    .until(() -> page.tile(2).help() == null);
            assertEquals("DONE", page.commands().get(0).state());

            LivePrivacy.assertClean(club);
        }
    }

    @Test
    void aNumberFromTheQueueHoldsTheFreePcAndItsSessionServesIt() throws Exception {
        try (LiveClub club = new LiveClub("sqlite", dir, 2);
                SocketAgentClient first = club.pc(1).agent().kiosk();
                SocketAgentClient second = club.pc(2).agent().kiosk()) {
            ClubRoomPage page = new ClubRoomPage(club.mentor(), LiveClub.CLUB);
            first.startSession(VisitorKind.GUEST, null, MAN_70, Duration.ofHours(1));
            Patience.await("PC 1 busy, PC 2 free on the page")
                    .until(() -> page.tiles().stream()
                            .map(ClubRoomPage.Tile::mode)
                            .toList()
                            .equals(List.of("IN_SESSION", "FREE")));

            page.settings(Map.of("queue", "on", "reservation", "5"));
            assertEquals(1, page.enqueue());
            Patience.await("PC 2's lock screen says it is reserved for №1")
                    .until(() -> Integer.valueOf(1).equals(second.notices().reservedFor()));
            Patience.await("the page shows PC 2 held for №1")
                    .until(() -> page.tile(2).reserved() != null && page.held().size() == 1);
            assertEquals(List.of(), page.waiting(), "№1 is no longer waiting: a PC is held for it");

            assertEquals(2, page.enqueue());
            Patience.await("PC 1's visitor is told people wait")
                    .until(() -> first.notices().queueWaiting());
            assertEquals(List.of(2), page.waiting());

            // №1 sits down at PC 2: the session is their turn and serves the number
            second.startSession(VisitorKind.GUEST, null, GIRL_16, Duration.ofHours(1));
            Patience.await("№1 served: PC 2 no longer held")
                    .until(() -> page.held().isEmpty() && page.tile(2).mode().equals("IN_SESSION"));
            assertNull(second.notices().reservedFor());

            // PC 1 frees up: it is held for №2
            first.endSession(EndReason.LOGOUT);
            Patience.await("PC 1 is held for №2")
                    .until(() -> Integer.valueOf(2).equals(first.notices().reservedFor()));
            Patience.await("the page shows it").until(() -> page.tile(1).reserved() != null);
            assertTrue(page.waiting().isEmpty());
            assertNotNull(page.tile(1).reserved());

            LivePrivacy.assertClean(club);
        }
    }
}
