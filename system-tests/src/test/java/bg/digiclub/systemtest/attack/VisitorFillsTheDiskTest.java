package bg.digiclub.systemtest.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The visitor fills the disk the agent lives on (issue 9: "with a full disk the agent cannot
 * restart"): on a PC the visitor's home and {@code /var/lib/digiclub} are usually one file
 * system. Here a small tmpfs holds the agent's data and log dirs and a directory of the
 * visitor's; the visitor fills it to the last byte, the agent dies ({@code kill -9}, as in a
 * power cut) and is started again.
 */
@Tag(ClubAccounts.TAG)
class VisitorFillsTheDiskTest {
    @TempDir
    Path dir;

    Path disk;
    AgentUnderAttack agent;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        ClubAccounts.assertRoot(dir);
        disk = Files.createDirectory(dir.resolve("disk"));
        ClubAccounts.Result mount =
                ClubAccounts.run(List.of("mount", "-t", "tmpfs", "-o", "size=24m,mode=0755", "tmpfs", disk.toString()));
        assertEquals(0, mount.exit(), "a tmpfs for the test (root): " + mount.output());
    }

    @AfterEach
    void unmount() throws Exception {
        if (agent != null) {
            agent.close();
        }
        ClubAccounts.run(List.of("umount", "-l", disk.toString()));
    }

    /**
     * The visitor fills the file system to 0 bytes free, the agent is killed and started again:
     * it starts, answers the kiosk, keeps running, and what it had committed (its health samples)
     * is still there.
     *
     * <p>Needs the fix "native libraries unpacked once" (branch {@code files}). Fails on today's
     * main: the restarted agent unpacks SQLite's native library into {@code <data-dir>/tmp}
     * again and stops with "No space left on device".
     */
    @Test
    void theAgentStillStartsAfterTheVisitorFilledItsDisk() throws Exception {
        ClubAccounts.Account visitor = ClubAccounts.visitor();
        agent = new AgentUnderAttack(dir, disk.resolve("lib-digiclub"), disk.resolve("log-digiclub"), List.of())
                .start();
        agent.awaitCondition("the first health samples committed", () -> {
            try {
                return agent.rows("sample") > 0;
            } catch (Exception e) {
                return false;
            }
        });

        Path visitorFiles = Files.createDirectory(disk.resolve("visitor-files"));
        ClubAccounts.run(List.of("chown", visitor.uid() + ":" + visitor.gid(), visitorFiles.toString()));
        ClubAccounts.Result fill = ClubAccounts.runAs(
                visitor,
                "sh",
                "-c",
                "cat /dev/zero > '" + visitorFiles.resolve("fill") + "'; df -k '" + visitorFiles + "'");
        long free = Files.getFileStore(disk).getUsableSpace();
        assertTrue(free < 64 * 1024, "the visitor filled the disk: " + free + " bytes free\n" + fill.output());

        agent.kill();
        long samples = agent.rows("sample");
        assertTrue(samples > 0, "committed samples before the restart");
        agent.start();
        try (KioskLine kiosk = KioskLine.open(ClubAccounts.kiosk(), agent.socket, dir)) {
            assertTrue(kiosk.connected(), kiosk.greeting());
            JsonNode open = kiosk.call(SessionWire.OPEN, null);
            assertTrue(SessionWire.ok(open), "the agent on the full disk answers the kiosk: " + open);
        }
        assertTrue(agent.alive(), "the agent keeps running on the full disk: " + agent.diagnostics());
        assertTrue(agent.rows("sample") >= samples, "the committed samples survived the crash and the full disk");
    }
}
