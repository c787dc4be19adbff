package bg.digiclub.collector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.collector.testing.CollectorCli;

/** The administration commands against a real SQLite data directory. */
class CollectorCommandsTest {
    @TempDir
    Path temp;

    private static String run(String... args) {
        return CollectorCli.run(args);
    }

    @Test
    void clubCodeUserAndRevoke() {
        String dir = temp.toString();
        assertEquals(
                "0:club sz-rodina-1860 saved",
                run(
                        "club",
                        "add",
                        "--data-dir",
                        dir,
                        "--id",
                        "sz-rodina-1860",
                        "--name",
                        "НЧ „Родина – 1860“",
                        "--place",
                        "Стара Загора"));
        assertTrue(run("club", "list", "--data-dir", dir).contains("sz-rodina-1860\tНЧ „Родина – 1860“"));
        String code = run("code", "create", "--data-dir", dir, "--club", "sz-rodina-1860");
        assertTrue(code.matches("0:[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), code);
        assertTrue(run(
                        "user",
                        "add",
                        "--data-dir",
                        dir,
                        "--username",
                        "rodina",
                        "--role",
                        "club_staff",
                        "--club",
                        "sz-rodina-1860")
                .startsWith("0:user rodina saved; password: "));
        assertEquals(
                2,
                Integer.parseInt(run("user", "add", "--data-dir", dir, "--username", "x", "--role", "CLUB_STAFF")
                        .split(":")[0]),
                "CLUB_STAFF needs --club");
        assertEquals(
                2,
                Integer.parseInt(run("club", "add", "--data-dir", dir, "--id", "Bad Id", "--name", "n", "--place", "p")
                        .split(":")[0]));
        assertEquals(
                "1:no device 6f1c2a9e-7d3b-4c55-9a0e-2b8f6d1e7c34",
                run("device", "revoke", "--data-dir", dir, "--device", "6f1c2a9e-7d3b-4c55-9a0e-2b8f6d1e7c34"));
        assertEquals("0:1 code(s) revoked", run("code", "revoke", "--data-dir", dir, "--club", "sz-rodina-1860"));
    }

    @Test
    void everyCommandTakesHelpAndVersion() {
        for (String[] command : new String[][] {
            {"serve"},
            {"club", "add"},
            {"code", "create"},
            {"user", "add"},
            {"device", "revoke"},
            {"demo"},
            {"token", "create"}
        }) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            String help = run(args);
            assertTrue(help.startsWith("0:Usage: digiclub-collector " + String.join(" ", command)), help);
        }
        // run from target/classes there is no jar manifest: it says so instead of a made-up number
        assertEquals("0:DigiClub collector (built from source, no version recorded)", run("club", "list", "--version"));
    }
}
