package bg.digiclub.collector.web;

import static bg.digiclub.testsupport.Patience.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import bg.digiclub.collector.auth.Role;
import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.auth.UserStore;
import bg.digiclub.collector.demo.DemoClubs;
import bg.digiclub.collector.demo.DemoSeeder;
import bg.digiclub.collector.server.CollectorServer;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.testing.CsvTable;
import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.collector.testing.TestDatabases;
import bg.digiclub.support.secret.SlowHash;
import bg.digiclub.testsupport.Patience;

/**
 * The dashboard in a real headless Chromium ({@link Chromium}): sign in, see a club's numbers,
 * download its CSV, and screenshots of each page.
 */
class DashboardBrowserTest {
    private static final String PASSWORD = "demo password 2026";
    private static final Instant NOW = Instant.parse("2026-11-25T09:30:00Z");

    @TempDir
    Path temp;

    @Test
    void municipalitySignsInSeesAClubAndDownloadsItsCsv() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (Database db = TestDatabases.open("sqlite", temp)) {
            DemoSeeder seeder = new DemoSeeder(db, clock);
            seeder.seed(seeder.enrol(DemoClubs.staraZagora()), 40, 1, 7, 7L);
            UserStore users = new UserStore(db, new SlowHash(SlowHash.MIN_ITERATIONS));
            users.save(new User("obshtina", Role.MUNICIPALITY, null), PASSWORD.toCharArray(), NOW);
            users.save(new User("rodina", Role.CLUB_STAFF, "sz-rodina-1860"), PASSWORD.toCharArray(), NOW);
            long expectedSessions =
                    sessions(db, "sz-rodina-1860", LocalDate.parse("2026-10-27"), LocalDate.parse("2026-11-25"));
            assertTrue(expectedSessions > 0);
            try (CollectorServer server = CollectorServer.start(RunningCollector.SETTINGS, db, clock)) {
                String base = "http://127.0.0.1:" + server.port();
                Path downloads = Files.createDirectories(temp.resolve("downloads"));
                WebDriver browser = Chromium.start(temp, downloads);
                try {
                    WebDriverWait wait = new WebDriverWait(browser, Patience.LIMIT);
                    browser.get(base + "/");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
                    screenshot(browser, "dashboard-login.png", 800);
                    browser.findElement(By.id("username")).sendKeys("obshtina");
                    browser.findElement(By.id("password")).sendKeys(PASSWORD);
                    browser.findElement(By.id("login")).click();

                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("clubs")));
                    List<WebElement> rows = browser.findElements(By.cssSelector("#clubs tbody tr"));
                    assertEquals(32, rows.size(), "all 32 clubs of Stara Zagora");
                    screenshot(browser, "dashboard-overview.png", 2600);

                    browser.findElement(By.cssSelector("tr[data-club='sz-rodina-1860'] a"))
                            .click();
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("club-name")));
                    assertEquals(
                            "НЧ „Родина – 1860“",
                            browser.findElement(By.id("club-name")).getText());
                    assertEquals(
                            Long.toString(expectedSessions),
                            browser.findElement(By.id("sessions")).getText().replace("\u202f", ""));

                    browser.findElement(By.id("csv")).click();
                    CsvTable table = CsvTable.parse(waitForDownload(downloads));
                    Map<String, String> rodina = table.rows().get(0);
                    assertEquals("sz-rodina-1860", rodina.get("club_id"));
                    assertEquals(Long.toString(expectedSessions), rodina.get("sessions"));

                    // the picture shows a whole month: the breakdowns by age, sex and tile with it
                    browser.get(base + OCTOBER_PAGE);
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("demographics")));
                    screenshot(browser, "dashboard-club.png", 2300);

                    // a PC with a health problem makes the more telling screenshot, when there is one
                    List<WebElement> unhealthy = browser.findElements(By.xpath(
                            "//table[@id='devices']//tr[.//span[@data-health='AMBER' or @data-health='RED']]//a"));
                    (unhealthy.isEmpty()
                                    ? browser.findElement(By.cssSelector("#devices tbody tr a"))
                                    : unhealthy.get(0))
                            .click();
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("health-chart")));
                    assertTrue(
                            browser.findElement(By.id("device-name")).getText().startsWith("PC "));
                    screenshot(browser, "dashboard-device.png", 1500);

                    // the same pages in English, chosen in the top bar, which comes back to the same page
                    String device = browser.getCurrentUrl();
                    browser.findElement(By.id("language")).click();
                    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
                    assertEquals(device, browser.getCurrentUrl());
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("health-chart")));
                    browser.get(base + "/");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("clubs")));
                    screenshot(browser, "dashboard-overview-en.png", 2600);
                    browser.get(base + OCTOBER_PAGE);
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("demographics")));
                    screenshot(browser, "dashboard-club-en.png", 2300);
                    browser.findElement(By.id("language")).click();
                    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "bg"));
                    assertEquals(base + OCTOBER_PAGE, browser.getCurrentUrl());
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("demographics")));

                    browser.findElement(By.id("logout")).click();
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
                    browser.findElement(By.id("username")).sendKeys("rodina");
                    browser.findElement(By.id("password")).sendKeys(PASSWORD);
                    browser.findElement(By.id("login")).click();
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("club-name")));
                    browser.get(base + "/clubs/zagore-probuda-1928");
                    assertEquals(
                            "Нямате достъп",
                            browser.findElement(By.tagName("h1")).getText());
                } finally {
                    browser.quit();
                }
            }
        }
    }

    /** Rodina's page for October 2026, a whole month of the demo data. */
    private static final String OCTOBER_PAGE = "/clubs/sz-rodina-1860?from=2026-10-01&to=2026-10-31";

    /**
     * The one CSV downloaded into {@code downloads}, once complete. Chromium writes a download
     * under a temporary name (a hidden {@code .org.chromium.Chromium.*}, or {@code .crdownload})
     * and renames it when done; yet a wait for the first {@code *.csv} name once read an empty file
     * on a loaded machine. So the wait is for the finished content, not a name: the CSV alone in
     * the directory (no temporary beside it), its last line ended (CR LF, as CsvExport ends each).
     */
    private static String waitForDownload(Path downloads) {
        return await("a complete CSV downloaded to " + downloads)
                .until(() -> completeCsv(downloads), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<String> completeCsv(Path downloads) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(downloads)) {
            files = listed.toList();
        }
        if (files.size() != 1 || !files.get(0).toString().endsWith(".csv")) {
            return Optional.empty();
        }
        String content = Files.readString(files.get(0), StandardCharsets.UTF_8);
        return content.endsWith("\r\n") ? Optional.of(content) : Optional.empty();
    }

    private static void screenshot(WebDriver browser, String name, int height) throws IOException {
        Chromium.screenshot(browser, name, Chromium.WIDTH, height);
    }

    private static long sessions(Database db, String club, LocalDate from, LocalDate to) throws Exception {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COALESCE(SUM(sessions), 0) FROM club_days WHERE club_id = ? AND day BETWEEN ? AND ?")) {
                s.setString(1, club);
                s.setLong(2, from.toEpochDay());
                s.setLong(3, to.toEpochDay());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }
}
