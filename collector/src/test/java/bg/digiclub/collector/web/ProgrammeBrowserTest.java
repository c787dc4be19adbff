package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import bg.digiclub.collector.report.programme.ProgrammeReports;
import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.testsupport.Patience;

/**
 * The programme report page in a real headless Chromium ({@link Chromium}), on screen and as the
 * browser prints it (print media emulated, and a real print to PDF): the menus and pickers are
 * gone on paper, the report's header stays. Takes the docs' pictures in Bulgarian and English.
 */
class ProgrammeBrowserTest {
    /**
     * A4's width at the browser's 96 dots per inch less the page's margins (about 700 pixels: what
     * a printed line holds), plus the window's scroll bar.
     */
    private static final int PAPER_WIDTH = 720;

    @TempDir
    Path temp;

    @Test
    void theReportReadsOnScreenAndPrintsWithoutItsControls() throws Exception {
        ProgrammeReports reports = (scope, period) -> Optional.of(
                period.isCalendarPeriod()
                        ? ProgrammeSamples.municipalityQuarter()
                        : ProgrammeSamples.municipalityCustom());
        try (RunningCollector c = new RunningCollector("sqlite", temp, (db, clock) -> reports)) {
            String base = "http://127.0.0.1:" + c.server.port();
            ChromeDriver browser = Chromium.start(temp, Files.createDirectories(temp.resolve("downloads")));
            try {
                WebDriverWait wait = new WebDriverWait(browser, Patience.LIMIT);
                browser.get(base + "/login");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
                browser.findElement(By.id("username")).sendKeys("obshtina");
                browser.findElement(By.id("password")).sendKeys(RunningCollector.PASSWORD);
                browser.findElement(By.id("login")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("programme-link")));
                browser.findElement(By.id("programme-link")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-title")));
                assertEquals(
                        "Отчет по програмата",
                        browser.findElement(By.id("report-title")).getText());

                // the quarter, chosen with its picker
                new Select(browser.findElement(By.id("pick-quarter"))).selectByValue("2026-Q3");
                browser.findElement(By.cssSelector("#quarter-form button")).click();
                wait.until(ExpectedConditions.textToBe(By.id("report-period"), "III тримесечие 2026 г."));
                assertTrue(browser.findElement(By.id("pickers")).isDisplayed());
                pictures(browser, "bg");

                // the same report in English, chosen with the top bar's link, which comes back to it
                String report = browser.getCurrentUrl();
                browser.findElement(By.id("language")).click();
                wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
                assertEquals(report, browser.getCurrentUrl());
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-title")));
                assertEquals(
                        "Programme report",
                        browser.findElement(By.id("report-title")).getText());
                pictures(browser, "en");

                // a real print to PDF: what the municipality files with the programme
                String pdf = browser.print(new PrintOptions()).getContent();
                byte[] bytes = Base64.getDecoder().decode(pdf);
                assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
            } finally {
                browser.quit();
            }
        }
    }

    /** The page on screen, then as printed: no top bar, pickers or links; the report's header kept. */
    private static void pictures(ChromeDriver browser, String language) throws IOException {
        String suffix = language.equals("bg") ? "" : "-" + language;
        Chromium.screenshot(browser, "programme-report" + suffix + ".png", Chromium.WIDTH, pageHeight(browser));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertFalse(browser.findElement(By.cssSelector("header.top")).isDisplayed(), "no top bar on paper");
            assertFalse(browser.findElement(By.id("pickers")).isDisplayed(), "no pickers on paper");
            assertFalse(browser.findElement(By.id("csv")).isDisplayed(), "no links on paper");
            assertTrue(browser.findElement(By.id("report-scope")).isDisplayed());
            assertTrue(browser.findElement(By.id("report-period")).isDisplayed());
            assertTrue(browser.findElement(By.id("report-generated")).isDisplayed());
            Chromium.screenshot(browser, "programme-report-print" + suffix + ".png", PAPER_WIDTH, pageHeight(browser));
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private static int pageHeight(ChromeDriver browser) {
        Object height = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        return ((Number) height).intValue() + 140;
    }
}
