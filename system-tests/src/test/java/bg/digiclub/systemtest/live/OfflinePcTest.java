package bg.digiclub.systemtest.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.wire.Notices;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.kiosk.agentlink.AgentRefusedException;
import bg.digiclub.kiosk.agentlink.SocketAgentClient;
import bg.digiclub.systemtest.support.ClubRoomPage;
import bg.digiclub.systemtest.support.ClubRoomPage.CommandLine;
import bg.digiclub.systemtest.support.LiveClub;
import bg.digiclub.testsupport.Patience;

/**
 * A PC drops off the network in the middle of a session while the mentor sends it a message, an
 * extension, a restart and a lock; it comes back an hour later (by the collector's clock, which
 * judges what is still meaningful). It gets only the lock (24 h): the message to a room an hour
 * older, the extension of a session that may be long over and the restart asked for an hour ago
 * are shown EXPIRED on the page and never reach the PC.
 */
class OfflinePcTest {
    private static final Demographics MAN_40 = new Demographics(AgeBand.AGE_30_54, Sex.MALE);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "collector on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aPcOffForAnHourGetsOnlyTheCommandsStillMeaningful(String store) throws Exception {
        try (LiveClub club = new LiveClub(store, dir, 1);
                SocketAgentClient kiosk = club.pc(1).agent().kiosk()) {
            ClubRoomPage page = new ClubRoomPage(club.mentor(), LiveClub.CLUB);
            kiosk.startSession(VisitorKind.GUEST, null, MAN_40, Duration.ofHours(1));
            Patience.await("the session shows on the page")
                    .until(() -> page.tile(1).mode().equals("IN_SESSION"));
            Instant session = page.tile(1).session();

            club.network.offline();
            Patience.await("the page shows the PC off")
                    .until(() -> page.tile(1).mode().equals("OFF"));
            page.message(1, "Моля, елате при ментора.");
            page.send(1, CommandKind.EXTEND, Map.of("minutes", "20", "session", session.toString()));
            page.send(1, CommandKind.RESTART, Map.of());
            page.send(1, CommandKind.LOCK, Map.of());
            Patience.await("all four wait for the PC")
                    .until(() -> states(page).equals(List.of("PENDING", "PENDING", "PENDING", "PENDING")));

            club.collectorClock.advance(Duration.ofHours(1));
            Patience.await("what is no longer meaningful is shown expired")
                    .until(() -> states(page).equals(List.of("PENDING", "EXPIRED", "EXPIRED", "EXPIRED")));

            club.network.online();
            Patience.await("the lock reached the PC and its answer shows on the page")
                    .until(() -> states(page).equals(List.of("DONE", "EXPIRED", "EXPIRED", "EXPIRED")));
            CommandLine lock = page.commands().get(0);
            assertEquals("out of service; the running session was ended", lock.answer());
            List<Command> down = club.network.commandsDown();
            assertEquals(
                    List.of(CommandKind.LOCK), down.stream().map(Command::kind).toList(), "only the lock went down");

            Notices notices = kiosk.notices();
            assertEquals(PcMode.LOCKED, notices.mode(), "the lock screen says out of service");
            assertNull(notices.message(), "the expired message never reached the kiosk");
            assertThrows(AgentRefusedException.class, kiosk::heartbeat, "the session was ended by the lock");
            assertEquals(List.of(), club.pc(1).agent().power.orders(), "the expired restart never ran");
            Patience.await("the tile shows the PC out of service")
                    .until(() -> page.tile(1).mode().equals("LOCKED"));

            LivePrivacy.assertClean(club);
        }
    }

    /** The commands' states, newest first. */
    private static List<String> states(ClubRoomPage page) throws Exception {
        return page.commands().stream().map(CommandLine::state).toList();
    }
}
