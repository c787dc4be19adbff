package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.testing.RunningCollector;

/**
 * The read API's tokens page over real HTTP: a token made there is shown once and opens the API;
 * the municipality makes tokens for any scope, club staff for their club only, and see and revoke
 * only the tokens they manage; a form without the session's token changes nothing.
 */
class TokenPagesHttpTest {
    private static final String RODINA = RunningCollector.RODINA.id();
    private static final String ZAGORE = RunningCollector.ZAGORE.id();

    @TempDir
    Path temp;

    private static String csrf(RunningCollector c, String cookie) throws Exception {
        return Jsoup.parse(c.get(cookie, "/tokens").body())
                .selectFirst("input[name=csrf]")
                .attr("value");
    }

    private static int apiStatus(RunningCollector c, String token) throws Exception {
        return c.http.send(c.http.request("/api/v1/reports/clubs")
                        .header("Authorization", "Bearer " + token)
                        .GET())
                .statusCode();
    }

    @Test
    void aTokenMadeOnThePageIsShownOnceAndOpensTheApiUntilRevoked() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            Document page = Jsoup.parse(c.get(cookie, "/tokens").body());
            assertNotNull(page.selectFirst("#no-tokens"));
            assertNotNull(page.selectFirst("#token-scope option[value=municipality]"));
            assertEquals(2, page.select("#token-scope option").size() - 1, "every club");
            assertNotNull(page.selectFirst("#tokens-link"), "the top bar leads here");

            Document made = Jsoup.parse(
                    c.post(cookie, "/tokens/new", "csrf=" + csrf(c, cookie) + "&name=Power+BI&scope=municipality")
                            .body());
            String token = made.selectFirst("#shown-token").text();
            assertTrue(token.matches("dc_[A-Za-z0-9_-]{43}"), token);
            String id = Secrets.hashToken(token).substring(0, 12);
            Element row = made.selectFirst("#token-" + id);
            assertNotNull(row);
            assertTrue(row.text().contains("obshtina") && row.text().contains("Power BI"), row.text());
            assertFalse(c.get(cookie, "/tokens").body().contains(token), "shown once, then never");
            assertEquals(200, apiStatus(c, token));

            Document revoked = Jsoup.parse(c.post(cookie, "/tokens/" + id + "/revoke", "csrf=" + csrf(c, cookie))
                    .body());
            assertNotNull(revoked.selectFirst("#shown-message"));
            assertNull(revoked.selectFirst("#token-" + id + " form"), "nothing left to revoke");
            assertEquals(401, apiStatus(c, token));
        }
    }

    @Test
    void clubStaffMakeAndManageTheirClubsTokensOnly() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            String municipality = c.login("obshtina", RunningCollector.PASSWORD);
            c.post(municipality, "/tokens/new", "csrf=" + csrf(c, municipality) + "&name=Zagore&scope=" + ZAGORE);
            String zagoreId = c.database.read(conn -> {
                try (var s = conn.createStatement();
                        var r = s.executeQuery("SELECT id FROM api_tokens")) {
                    r.next();
                    return r.getString(1);
                }
            });

            String staff = c.login("rodina", RunningCollector.PASSWORD);
            Document page = Jsoup.parse(c.get(staff, "/tokens").body());
            assertNull(page.selectFirst("#token-scope option[value=municipality]"));
            assertEquals(1, page.select("#token-scope option").size());
            assertNull(page.selectFirst("#token-" + zagoreId), "another club's token is not listed");
            String token = csrf(c, staff);
            assertEquals(
                    403,
                    c.post(staff, "/tokens/new", "csrf=" + token + "&name=x&scope=municipality")
                            .statusCode());
            assertEquals(
                    403,
                    c.post(staff, "/tokens/new", "csrf=" + token + "&name=x&scope=" + ZAGORE)
                            .statusCode());
            c.post(staff, "/tokens/" + zagoreId + "/revoke", "csrf=" + token);
            assertEquals(0, c.count("SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NOT NULL"));

            Document made = Jsoup.parse(c.post(staff, "/tokens/new", "csrf=" + token + "&name=Excel&scope=" + RODINA)
                    .body());
            assertNotNull(made.selectFirst("#shown-token"));
            assertEquals(1, c.count("SELECT COUNT(*) FROM api_tokens WHERE club_id = '" + RODINA + "'"));
        }
    }

    @Test
    void aFormWithoutTheSessionsTokenChangesNothing() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            assertEquals(
                    403,
                    c.post(cookie, "/tokens/new", "name=x&scope=municipality").statusCode());
            assertEquals(
                    403,
                    c.post(cookie, "/tokens/new", "csrf=" + "0".repeat(64) + "&name=x&scope=municipality")
                            .statusCode());
            assertEquals(0, c.count("SELECT COUNT(*) FROM api_tokens"));
            HttpResponse<String> bad =
                    c.post(cookie, "/tokens/new", "csrf=" + csrf(c, cookie) + "&name=&scope=municipality");
            assertEquals(400, bad.statusCode());
            assertNotNull(Jsoup.parse(bad.body()).selectFirst("#tokens-error"));
            assertEquals(0, c.count("SELECT COUNT(*) FROM api_tokens"));
        }
    }
}
