package bg.digiclub.systemtest.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.wire.Notices;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.kiosk.agentlink.SocketAgentClient;
import bg.digiclub.systemtest.support.ClubRoomPage;
import bg.digiclub.systemtest.support.ClubRoomPage.CommandLine;
import bg.digiclub.systemtest.support.LiveClub;
import bg.digiclub.systemtest.support.LiveFault;
import bg.digiclub.systemtest.support.LivePc;
import bg.digiclub.testsupport.Patience;

/**
 * The hostile network against "executed at most once, answered exactly once": the connection is
 * cut right after an extension went down to the agent (its answer lost with the line); the
 * agent's answer to a second extension is swallowed on its way up; the answer to a message is
 * swallowed, the PC drops off the network and its agent restarts before the collector can send
 * the message again. Each time the collector sends the command again on the next connection and
 * the agent answers from its journal: the session got exactly 10 + 5 minutes more, the visitor
 * sees the message once, the page shows each command DONE with the one answer, and the PC's
 * journal holds each id once.
 */
class CommandsRunOnceTest {
    private static final Demographics WOMAN_60 = new Demographics(AgeBand.AGE_55_64, Sex.FEMALE);
    private static final String MESSAGE = "Довършете, моля: след 10 минути идва следващият посетител.";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "collector on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void noCommandRunsTwiceAcrossCutsLostAnswersAndAnAgentRestart(String store) throws Exception {
        try (LiveClub club = new LiveClub(store, dir, 1);
                SocketAgentClient kiosk = club.pc(1).agent().kiosk()) {
            LivePc pc = club.pc(1);
            ClubRoomPage page = new ClubRoomPage(club.mentor(), LiveClub.CLUB);
            kiosk.startSession(VisitorKind.GUEST, null, WOMAN_60, Duration.ofHours(1));
            Patience.await("the session shows on the page")
                    .until(() -> page.tile(1).mode().equals("IN_SESSION"));

            // the line dies right after the extension went down: the agent's answer is lost with it
            club.network.then(LiveFault.CUT_AFTER_COMMAND);
            page.send(1, CommandKind.EXTEND, Map.of("minutes", "10"));
            awaitDone(page, club, 1);
            assertEquals(Duration.ofMinutes(70), kiosk.heartbeat(), "extended once by 10");

            // the answer to the next extension is swallowed on its way up, then the line is cut
            club.network.then(LiveFault.DROP_ANSWER);
            page.send(1, CommandKind.EXTEND, Map.of("minutes", "5"));
            awaitDone(page, club, 2);
            assertEquals(Duration.ofMinutes(75), kiosk.heartbeat(), "extended once by 5");

            // the answer to a message is swallowed, the PC is off the network, its agent restarts
            club.network.then(LiveFault.DROP_ANSWER_THEN_OFFLINE);
            page.message(1, MESSAGE);
            Patience.await("the message's answer was swallowed").until(() -> club.network.faultsLeft() == 0);
            Patience.await("the page shows the PC off")
                    .until(() -> page.tile(1).mode().equals("OFF"));
            assertEquals("SENT", page.commands().get(0).state(), "sent, not answered");
            pc.restart();
            club.network.online();
            awaitDone(page, club, 3);

            Notices shown = kiosk.notices();
            assertEquals(MESSAGE, shown.message().text(), "the message survived the restart");
            kiosk.acknowledgeNotice(shown.message().id());
            assertNull(kiosk.notices().message(), "shown once: no second copy behind it");
            assertEquals(Duration.ofMinutes(75), kiosk.heartbeat(), "the session kept its time across the restart");

            List<CommandLine> lines = page.commands();
            assertEquals(
                    List.of(
                            "shown until the visitor presses OK",
                            "extended: 75 minutes left",
                            "extended: 70 minutes left"),
                    lines.stream().map(CommandLine::answer).toList(),
                    "each command's first answer, kept");

            // every command went down twice (once more on the next connection) and was run once
            Map<UUID, Integer> sent = new HashMap<>();
            for (Command command : club.network.commandsDown()) {
                sent.merge(command.id(), 1, Integer::sum);
            }
            assertEquals(3, sent.size());
            sent.forEach((id, times) -> assertEquals(2, times, "command " + id + " went down twice"));
            Map<UUID, CommandAck> firstAnswer = new HashMap<>();
            for (CommandAck ack : club.network.answersUp()) {
                CommandAck first = firstAnswer.putIfAbsent(ack.commandId(), ack);
                if (first != null) {
                    assertEquals(first, ack, "a repeated command is answered with its first answer");
                }
            }
            assertEquals(sent.keySet(), firstAnswer.keySet());
            assertEquals(3, journalRows(pc), "each id journaled once");
            assertEquals(
                    List.of(LiveFault.CUT_AFTER_COMMAND, LiveFault.DROP_ANSWER, LiveFault.DROP_ANSWER_THEN_OFFLINE),
                    club.network.applied());

            LivePrivacy.assertClean(club);
        }
    }

    /** Waits until the page lists {@code count} commands, the newest DONE; else fails saying what went through. */
    private static void awaitDone(ClubRoomPage page, LiveClub club, int count) throws Exception {
        try {
            Patience.await("command " + count + " is answered on the page").until(() -> {
                List<CommandLine> lines = page.commands();
                return lines.size() == count && lines.get(0).state().equals("DONE");
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "command " + count + " not answered on the page: " + page.commands() + ", tile " + page.tile(1)
                            + ", " + club.network.summary(),
                    e);
        }
    }

    private static long journalRows(LivePc pc) throws Exception {
        return pc.agent().database().read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM live_commands");
                    ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
