package bg.digiclub.agent.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.link.LinkJson;
import bg.digiclub.agent.session.SessionAuthority.Granted;
import bg.digiclub.agent.session.SessionRefusedException;
import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.common.live.CommandOutcome;
import bg.digiclub.common.live.LiveMessage;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.common.live.Room;
import bg.digiclub.testsupport.PrivacyScan;

/** The person at the keyboard against the room: what leaves, what two requests at once get, a broken disk. */
class RoomPrivacyTest {
    private static final String MEMBER_CODE = "73519046";

    @TempDir
    Path dir;

    RoomFixture pc;

    @BeforeEach
    void open() throws Exception {
        pc = new RoomFixture(dir);
    }

    @AfterEach
    void close() {
        pc.close();
    }

    @Test
    void theStateAndTheNoticesOfAMembersSessionNameNobody() throws Exception {
        Granted g = pc.sessions.start(VisitorKind.MEMBER, MEMBER_CODE, RoomFixture.VISITOR, RoomFixture.HOUR, null);
        pc.room.callHelp();
        pc.room.execute(pc.command(CommandKind.MESSAGE, null, "Hello", null));
        ObjectWriter live = StrictJson.mapper().writerFor(LiveMessage.class);
        ObjectMapper link = LinkJson.mapper();
        List<String> sent =
                List.of(live.writeValueAsString(pc.room.state()), link.writeValueAsString(pc.room.notices()));
        assertTrue(sent.get(0).contains("\"MEMBER\""), sent.get(0));
        PrivacyScan.ofThisMachine()
                .forbidding(List.of(MEMBER_CODE, g.sessionId(), g.secret()))
                .assertClean(sent, s -> s, s -> "frame");
    }

    @Test
    void twoGraceRequestsAtOnceGetOneBlock() throws Exception {
        pc.room.roomChanged(new Room(RoomFixture.settings(1, List.of(), null, false, 15), 0, null, null));
        Granted g = pc.guest();
        pc.pass(Duration.ofMinutes(57), g);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> answers = new ArrayList<>();
            Callable<String> take = () -> {
                go.await();
                try {
                    pc.room.takeGrace(g.sessionId(), g.secret());
                    return "granted";
                } catch (SessionRefusedException e) {
                    return e.code();
                }
            };
            answers.add(two.submit(take));
            answers.add(two.submit(take));
            go.countDown();
            List<String> got = new ArrayList<>();
            for (Future<String> f : answers) {
                got.add(f.get());
            }
            got.sort(String::compareTo);
            assertEquals(List.of("granted", ErrorCodes.NOT_ALLOWED), got);
            assertEquals(Duration.ofMinutes(18), pc.sessions.heartbeat(g.sessionId(), g.secret()));
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void aBrokenDatabaseFailsTheCommandAndNeverThrows() throws Exception {
        pc.db.close();
        assertEquals(
                CommandOutcome.FAILED,
                pc.room
                        .execute(pc.command(CommandKind.MESSAGE, null, "Hello", null))
                        .outcome());
        assertEquals(
                CommandOutcome.FAILED,
                pc.room.execute(pc.command(CommandKind.LOCK)).outcome());
        assertEquals(PcMode.OUT_OF_ORDER, pc.room.state().mode());
        pc.room.tick();
        pc.restart();
        assertEquals(PcMode.FREE, pc.room.state().mode(), "a command answered FAILED left nothing on disk");
        assertEquals(null, pc.room.notices().message());
    }
}
