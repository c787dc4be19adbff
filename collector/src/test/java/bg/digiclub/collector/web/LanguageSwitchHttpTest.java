package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import bg.digiclub.collector.testing.RunningCollector;

/**
 * The top bar's language switch over real HTTP: it comes back to the page it was clicked on (the
 * programme report with its scope and period, a club's page with its dates), and a link that
 * names any other place, made by a stranger to send a signed-in user elsewhere, leads to the start
 * page instead.
 */
class LanguageSwitchHttpTest {
    private static final String PROGRAMME_PAGE = "/reports/programme?scope=municipality&period=2026-Q3";
    private static final String CLUB_PAGE = "/clubs/sz-rodina-1860?from=2026-11-01&to=2026-11-30";

    @TempDir
    Path temp;

    private static String languageLink(RunningCollector c, String cookie, String path) throws Exception {
        HttpResponse<String> page = c.get(cookie, path);
        assertEquals(200, page.statusCode(), page.body());
        return Jsoup.parse(page.body()).getElementById("language").attr("href");
    }

    /** Where following {@code link} leads, after checking that it answers a redirect. */
    private static String redirect(RunningCollector c, String cookie, String link) throws Exception {
        HttpResponse<String> answer = c.get(cookie, link);
        assertEquals(302, answer.statusCode(), answer.body());
        return answer.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void theSwitchComesBackToTheSamePageInTheOtherLanguage() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            for (String page : new String[] {PROGRAMME_PAGE, CLUB_PAGE, "/tokens", "/"}) {
                String link = languageLink(c, cookie, page);
                assertTrue(link.startsWith("/language/en"), link);
                HttpResponse<String> choose = c.get(cookie, link);
                assertEquals(302, choose.statusCode());
                assertEquals(page, choose.headers().firstValue("Location").orElseThrow());
                assertTrue(choose.headers()
                        .firstValue("Set-Cookie")
                        .orElseThrow()
                        .startsWith(PageContext.LANGUAGE_COOKIE + "=en"));
            }
            Document english = Jsoup.parse(c.get(cookie + "; " + PageContext.LANGUAGE_COOKIE + "=en", PROGRAMME_PAGE)
                    .body());
            assertEquals("en", english.selectFirst("html").attr("lang"));
            String back = english.getElementById("language").attr("href");
            assertTrue(back.startsWith("/language/bg"), back);
            assertEquals(PROGRAMME_PAGE, redirect(c, cookie, back));
        }
    }

    @Test
    void theSignInPageComesBackToItselfAndAFormsAnswerToTheStart() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            assertEquals("/login", redirect(c, "", languageLink(c, "", "/login")));
            HttpResponse<String> refused = c.http.send(c.http.request("/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=obshtina&password=wrong")));
            String link = Jsoup.parse(refused.body()).getElementById("language").attr("href");
            assertEquals("/language/en", link, "a POST's answer has no address to come back to");
            assertEquals("/", redirect(c, "", link));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://elsewhere.example/",
                "//elsewhere.example/",
                "///elsewhere.example/",
                "/\\elsewhere.example/",
                "\\\\elsewhere.example",
                "https:elsewhere.example",
                "javascript:alert(1)",
                "/clubs\r\nSet-Cookie: digiclub_session=planted",
                "/language/bg?back=https://elsewhere.example/"
            })
    void aLinkToAnyOtherPlaceLeadsToTheStartPage(String back) throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            String encoded = URLEncoder.encode(back, StandardCharsets.UTF_8);
            assertEquals("/", redirect(c, cookie, "/language/en?back=" + encoded));
            assertEquals("/", redirect(c, cookie, "/language/fr?back=" + encoded), "an unknown language too");
        }
    }

    @Test
    void aSchemeRelativeAddressSpelledWithEscapesStaysOnThisSite() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            // decoded once by the server: "/%2F%2Felsewhere" is a path here, not "//elsewhere"
            String location = redirect(
                    c,
                    cookie,
                    "/language/en?back=" + URLEncoder.encode("/%2F%2Felsewhere.example", StandardCharsets.UTF_8));
            assertEquals("/%2F%2Felsewhere.example", location);
            assertEquals("/", redirect(c, cookie, "/language/en?back=%2F%2Felsewhere.example"));
        }
    }
}
