package bg.digiclub.systemtest.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.kiosk.agentlink.SocketAgentClient;
import bg.digiclub.systemtest.support.ClubRoomPage;
import bg.digiclub.systemtest.support.ClubRoomPage.CommandLine;
import bg.digiclub.systemtest.support.LiveClub;
import bg.digiclub.testsupport.Patience;

/**
 * The mentor's console end to end, every part real and over real connections: the mentor signed
 * in to the club page sends a message and an extension with the page's own forms (POST with the
 * CSRF token); the collector sends them down the PC's live WebSocket (through the relay that
 * stands for the network); the agent runs them with the staff panel's rules; the kiosk's real link
 * client shows the message and the longer session; the agent's answers come back up and the page
 * shows each command DONE with the PC's words. The other PC of the club gets none of it; a
 * message to all PCs then reaches both kiosks, one command per PC; the audit log lists them all
 * with who sent them and the PCs' answers.
 */
class MentorConsoleEndToEndTest {
    private static final Demographics WOMAN_75 = new Demographics(AgeBand.AGE_75_PLUS, Sex.FEMALE);
    private static final String CLOSING = "Клубът затваря в 18:00 — моля, запазете работата си.";
    private static final String EVERYONE = "Днес в 17:00: урок по електронно управление в залата.";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "collector on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aCommandFromTheClubPageRunsOnThePcAndItsAnswerShowsOnThePage(String store) throws Exception {
        try (LiveClub club = new LiveClub(store, dir, 2);
                SocketAgentClient kiosk = club.pc(1).agent().kiosk();
                SocketAgentClient otherKiosk = club.pc(2).agent().kiosk()) {
            ClubRoomPage page = new ClubRoomPage(club.mentor(), LiveClub.CLUB);
            Patience.await("both PCs show free on the page")
                    .until(() -> page.tiles().stream()
                            .map(ClubRoomPage.Tile::mode)
                            .toList()
                            .equals(List.of("FREE", "FREE")));

            Instant started = club.pcClock.instant().truncatedTo(ChronoUnit.SECONDS);
            kiosk.startSession(VisitorKind.GUEST, null, WOMAN_75, Duration.ofHours(1));
            Patience.await("PC 1's session shows on the page")
                    .until(() -> page.tile(1).mode().equals("IN_SESSION"));
            assertEquals(started, page.tile(1).session(), "the tile names the session an extension is for");

            // a message: shown over everything on the kiosk until the visitor presses OK
            page.message(1, CLOSING);
            Patience.await("the message reached the kiosk")
                    .until(() -> kiosk.notices().message() != null);
            Notices shown = kiosk.notices();
            assertEquals(CLOSING, shown.message().text());
            Patience.await("the PC's answer shows on the page")
                    .until(() -> !page.commands().isEmpty()
                            && page.commands().get(0).state().equals("DONE"));
            CommandLine message = page.commands().get(0);
            assertEquals(1, message.pc());
            assertEquals(LiveClub.MENTOR, message.by());
            assertEquals("shown until the visitor presses OK", message.answer());
            kiosk.acknowledgeNotice(shown.message().id());
            assertNull(kiosk.notices().message(), "read: gone from the screen");

            // an extension of the session the tile shows, by the agent's clock
            club.pcClock.advance(Duration.ofMinutes(10));
            assertEquals(Duration.ofMinutes(50), kiosk.heartbeat());
            page.send(1, CommandKind.EXTEND, Map.of("minutes", "15"));
            Patience.await("the extension reached the session")
                    .until(() -> kiosk.heartbeat().equals(Duration.ofMinutes(65)));
            Patience.await("the extension's answer shows on the page")
                    .until(() -> page.commands().size() == 2
                            && page.commands().get(0).state().equals("DONE"));
            assertEquals("extended: 65 minutes left", page.commands().get(0).answer());
            Patience.await("the tile shows the time the PC now has")
                    .until(() -> "IN_SESSION".equals(page.tile(1).mode())
                            && page.tile(1).detail() != null
                            && page.tile(1).detail().contains("65"));

            // the club's other PC got none of it
            Notices other = otherKiosk.notices();
            assertNull(other.message());
            assertEquals(2, club.network.commandsDown().size(), "two commands went down, to PC 1");
            assertEquals(
                    club.network.commandsDown().stream().map(c -> c.id()).toList(),
                    club.network.answersUp().stream().map(a -> a.commandId()).toList(),
                    "each answered once, in order");
            assertTrue(club.network.connections() >= 2, "both PCs connected");

            // a message to all PCs: one command each, shown on both kiosks, both answers on the page
            page.messageToAll(EVERYONE);
            Patience.await("the message to all reached both kiosks")
                    .until(() -> kiosk.notices().message() != null
                            && otherKiosk.notices().message() != null);
            assertEquals(EVERYONE, kiosk.notices().message().text());
            assertEquals(EVERYONE, otherKiosk.notices().message().text());
            Patience.await("both answers show on the page").until(() -> {
                List<CommandLine> lines = page.commands();
                return lines.size() == 4
                        && lines.subList(0, 2).stream()
                                .allMatch(line -> line.state().equals("DONE"));
            });
            assertEquals(
                    List.of(1, 2),
                    page.commands().subList(0, 2).stream()
                            .map(CommandLine::pc)
                            .sorted()
                            .toList(),
                    "one command per PC");

            // the audit log says who did what to which PC, with the PC's answer
            List<List<String>> audit = page.auditLog();
            assertTrue(audit.size() >= 4, "every command is in the audit log: " + audit);
            assertTrue(audit.stream().allMatch(row -> row.get(1).equals(LiveClub.MENTOR)), "by the mentor: " + audit);
            List<String> pcs = audit.stream().map(row -> row.get(3)).toList();
            assertEquals(
                    List.of("PC 1", "PC 2"),
                    pcs.subList(0, 2).stream().sorted().toList(),
                    "the message to all is one line per PC: " + audit);
            assertEquals(List.of("PC 1", "PC 1"), pcs.subList(2, 4), "the extension and the message: " + audit);
            List<String> results = audit.stream().map(row -> row.get(4)).toList();
            assertTrue(results.contains("DONE: extended: 65 minutes left"), "the extension's answer: " + audit);
            assertTrue(results.contains("DONE: shown until the visitor presses OK"), "the message's answer: " + audit);

            LivePrivacy.assertClean(club);
            assertNotNull(shown.message().id());
        }
    }
}
