package bg.digiclub.collector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.testing.CollectorCli;
import bg.digiclub.collector.testing.RunningCollector;

/**
 * {@code token create|list|revoke} against the database of a running collector: the token printed
 * once opens the read API, is stored only as its hash, and is refused as soon as it is revoked.
 */
class TokenCommandTest {
    @TempDir
    Path temp;

    private static HttpResponse<String> clubs(RunningCollector c, String token) throws Exception {
        return c.http.send(c.http.request("/api/v1/reports/clubs")
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    @Test
    void aTokenMadeOnTheCommandLineWorksUntilItIsRevoked() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            String dir = temp.resolve("db").toString();
            String made = CollectorCli.run(
                    "token",
                    "create",
                    "--data-dir",
                    dir,
                    "--name",
                    "Power BI",
                    "--scope",
                    RunningCollector.RODINA.id());
            assertTrue(made.startsWith("0:token "), made);
            List<String> lines = made.lines().toList();
            String token = lines.get(lines.size() - 1);
            assertTrue(token.matches("dc_[A-Za-z0-9_-]{43}"), token);
            String id = Secrets.hashToken(token).substring(0, 12);
            assertTrue(lines.get(0).contains(id), made);
            assertEquals(
                    1,
                    c.count("SELECT COUNT(*) FROM api_tokens WHERE token_hash = '" + Secrets.hashToken(token) + "'"));
            assertEquals(0, c.count("SELECT COUNT(*) FROM api_tokens WHERE token_hash = '" + token + "'"));

            HttpResponse<String> open = clubs(c, token);
            assertEquals(200, open.statusCode(), open.body());
            assertTrue(open.body().contains(RunningCollector.RODINA.id()));

            String listed = CollectorCli.run("token", "list", "--data-dir", dir);
            assertTrue(listed.contains(id + "\t" + RunningCollector.RODINA.id() + "\tPower BI\tcli:"), listed);
            assertEquals("0:token " + id + " revoked", CollectorCli.run("token", "revoke", "--data-dir", dir, id));
            assertEquals(401, clubs(c, token).statusCode());
            assertEquals("1:no active token " + id, CollectorCli.run("token", "revoke", "--data-dir", dir, id));
            assertTrue(
                    CollectorCli.run("token", "list", "--data-dir", dir).contains(id), "a revoked token stays listed");
        }
    }

    @Test
    void aBadScopeOrAnUnknownClubMakesNoToken() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            String dir = temp.resolve("db").toString();
            assertTrue(CollectorCli.run("token", "create", "--data-dir", dir, "--name", "x", "--scope", "Club 7")
                    .startsWith("2:"));
            assertTrue(CollectorCli.run("token", "create", "--data-dir", dir, "--name", "x", "--scope", "no-such-club")
                    .startsWith("2:"));
            assertTrue(CollectorCli.run("token", "create", "--data-dir", dir, "--name", " ", "--scope", "municipality")
                    .startsWith("2:"));
            assertEquals(0, c.count("SELECT COUNT(*) FROM api_tokens"));
            assertTrue(CollectorCli.run(
                            "token", "create", "--data-dir", dir, "--name", "Grafana", "--scope", "municipality")
                    .startsWith("0:"));
            assertEquals(1, c.count("SELECT COUNT(*) FROM api_tokens WHERE club_id IS NULL"));
        }
    }
}
