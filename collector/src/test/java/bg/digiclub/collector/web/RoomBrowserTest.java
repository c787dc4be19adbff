package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.auth.Role;
import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.live.ClubConsole;
import bg.digiclub.collector.testing.LivePc;
import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.common.batch.EnrolmentResponse;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.live.ClubSettings;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.common.live.CommandOutcome;
import bg.digiclub.common.live.OpeningHours;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.common.live.PcState;
import bg.digiclub.testsupport.Patience;

/**
 * The mentor's room view in a real headless Chromium with real PCs on the live channel (JDK
 * WebSocket clients): a session started on a PC shows on its tile within 5 s, as the issue asks
 * of the room view; a button clicked on a tile reaches the PC, and the PC's answer shows in the
 * commands list; a call for help shows above the tiles until the mentor answers it. Screenshots
 * of the room with a call for help, in Bulgarian and English, at a small laptop's size.
 */
class RoomBrowserTest {
    private static final Logger LOG = LoggerFactory.getLogger(RoomBrowserTest.class);

    /** What the issue asks: a session started on a PC appears on the page within this. */
    private static final Duration SHOWN_WITHIN = Duration.ofSeconds(5);
    /** A small laptop's screen, less the browser's own bars. */
    private static final int LAPTOP_WIDTH = 1366;

    private static final int LAPTOP_HEIGHT = 700;

    @TempDir
    Path temp;

    @Test
    void aSessionShowsOnItsTileAndACommandClickedReachesThePcAndItsAnswerShows() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            List<EnrolmentResponse> enrolled = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                enrolled.add(c.enrol(RunningCollector.RODINA_CODE));
            }
            String clubId = RunningCollector.RODINA.id();
            User mentor = new User("rodina", Role.CLUB_STAFF, clubId);
            ClubConsole console = c.server.live().console();
            console.changeSettings(mentor, clubId, openWeekdays());
            Instant now = c.clock.instant();
            List<LivePc> pcs = new ArrayList<>();
            WebDriver browser = Chromium.start(temp, Files.createDirectories(temp.resolve("downloads")));
            try {
                // PC 6 stays off; the others connect and tell what they do
                for (int i = 0; i < 5; i++) {
                    pcs.add(LivePc.connect(c.server.port(), enrolled.get(i).token()));
                }
                pcs.get(0).send(free(now));
                pcs.get(1).send(free(now));
                pcs.get(2).send(session(now, VisitorKind.MEMBER, 25, now.minusSeconds(35 * 60), false));
                pcs.get(3).send(session(now, VisitorKind.GUEST, 42, now.minusSeconds(18 * 60), false));
                pcs.get(4)
                        .send(new PcState(
                                now,
                                PcMode.MAINTENANCE,
                                null,
                                null,
                                null,
                                HealthStatus.WARN,
                                false,
                                null,
                                null,
                                "0.1.0"));

                WebDriverWait wait = new WebDriverWait(browser, Patience.LIMIT);
                wait.ignoring(StaleElementReferenceException.class);
                String base = "http://127.0.0.1:" + c.server.port();
                browser.get(base + "/login");
                browser.findElement(By.id("username")).sendKeys("rodina");
                browser.findElement(By.id("password")).sendKeys(RunningCollector.PASSWORD);
                browser.findElement(By.id("login")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tab-room")))
                        .click();
                wait.until(d ->
                        d.findElements(By.cssSelector("#tiles article.tile")).size() == 6);
                wait.until(d -> mode(d, 5).equals("MAINTENANCE"));
                assertEquals("OFF", mode(browser, 6), "never connected");

                // a visitor starts a session on PC 1: the mentor sees it without reloading the page
                Instant started = now.plusSeconds(60);
                long sent = System.nanoTime();
                pcs.get(0).send(session(started, VisitorKind.GUEST, 60, started, false));
                wait.until(d -> mode(d, 1).equals("IN_SESSION"));
                Duration shownAfter = Duration.ofNanos(System.nanoTime() - sent);
                LOG.info("the session showed on its tile {} ms after the PC sent it", shownAfter.toMillis());
                assertTrue(
                        shownAfter.compareTo(SHOWN_WITHIN) <= 0,
                        "the session showed on its tile after " + shownAfter.toMillis() + " ms");
                assertEquals(
                        "гост · остават 60 мин",
                        wait.until(d ->
                                tile(d, 1).findElement(By.className("detail")).getText()));

                // the mentor gives PC 1 fifteen more minutes with the tile's button
                click(wait, By.cssSelector("#tiles article[data-pc='1'] form[data-kind=EXTEND] button"));
                Command extend = command(pcs.get(0), CommandKind.EXTEND);
                assertEquals(CommandKind.EXTEND, extend.kind());
                assertEquals(15, extend.minutes());
                assertEquals(started, extend.sessionStarted(), "for the session the tile showed");
                pcs.get(0).send(new CommandAck(extend.id(), CommandOutcome.DONE, "остават 75 мин"));
                WebElement done = wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#commands tbody tr[data-state=DONE]")));
                assertTrue(done.getText().contains("остават 75 мин"), done.getText());
                assertTrue(done.getText().contains("изпълнена"), done.getText());
                wait.until(d -> tile(d, 1)
                        .findElement(By.className("last-command"))
                        .getText()
                        .equals("Удължи сесията: изпълнена — остават 75 мин"));

                // the member on PC 3 calls for help; people wait for a PC; a message went to PC 4
                pcs.get(2).send(session(now, VisitorKind.MEMBER, 25, now.minusSeconds(35 * 60), true));
                for (int i = 0; i < 3; i++) {
                    console.enqueue(mentor, clubId);
                }
                new Select(browser.findElement(By.id("message-pc"))).selectByVisibleText("PC 4");
                browser.findElement(By.id("message-text")).sendKeys("Моля, запазете документа си на флашка.");
                browser.findElement(By.id("message-send")).click();
                Command message = command(pcs.get(3), CommandKind.MESSAGE);
                assertEquals(CommandKind.MESSAGE, message.kind());
                pcs.get(3).send(new CommandAck(message.id(), CommandOutcome.DONE, "прочетено"));
                wait.until(d -> d.findElements(By.cssSelector("#commands tbody tr[data-state=DONE]"))
                                .size()
                        == 2);
                WebElement help = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("help-calls")));
                assertTrue(help.getText().contains("PC 3"), help.getText());
                Chromium.screenshot(browser, "dashboard-room.png", LAPTOP_WIDTH, LAPTOP_HEIGHT);
                Chromium.screenshot(browser, "dashboard-room-full.png", Chromium.WIDTH, 1500);

                browser.findElement(By.id("language")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tab-room")))
                        .click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("help-calls")));
                wait.until(d -> d.findElements(By.cssSelector("#commands tbody tr[data-state=DONE]"))
                                .size()
                        == 2);
                assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
                Chromium.screenshot(browser, "dashboard-room-en.png", LAPTOP_WIDTH, LAPTOP_HEIGHT);
                browser.findElement(By.id("tab-settings")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings-form")));
                Chromium.screenshot(browser, "dashboard-settings-en.png", Chromium.WIDTH, 1000);
                browser.findElement(By.id("tab-room")).click();

                // a restart asks once more: "no" sends nothing, "yes" sends it
                new Select(browser.findElement(By.id("action-pc"))).selectByVisibleText("PC 5");
                new Select(browser.findElement(By.id("action-kind"))).selectByValue("RESTART");
                browser.findElement(By.id("action-send")).click();
                wait.until(ExpectedConditions.alertIsPresent()).dismiss();
                browser.findElement(By.id("action-send")).click();
                Alert restart = wait.until(ExpectedConditions.alertIsPresent());
                assertEquals("“Restart” on PC 5? The visitor at this computer loses unsaved work.", restart.getText());
                restart.accept();
                assertEquals(
                        CommandKind.RESTART,
                        command(pcs.get(4), CommandKind.RESTART).kind());
                wait.until(d ->
                        d.findElements(By.cssSelector("#commands tbody tr")).size() == 3);
                assertEquals(1, pcs.get(4).received(Command.class).size(), "one restart, not two");

                // "I'm coming": the PC is told, and the call leaves the page once it answered
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("help-calls")));
                click(wait, By.cssSelector("#help-calls form[data-kind=ANSWER_HELP] button"));
                Command answer = command(pcs.get(2), CommandKind.ANSWER_HELP);
                assertEquals(CommandKind.ANSWER_HELP, answer.kind());
                wait.until(d -> d.findElement(By.id("help-calls"))
                        .getText()
                        .contains("Answered — the computer will tell the visitor"));
                assertEquals(
                        0,
                        browser.findElements(By.cssSelector("form[data-kind=ANSWER_HELP]"))
                                .size(),
                        "no second button while the PC has not answered");
                pcs.get(2).send(new CommandAck(answer.id(), CommandOutcome.DONE, "seen"));
                pcs.get(2).send(session(now, VisitorKind.MEMBER, 25, now.minusSeconds(35 * 60), false));
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("help-calls")));
            } finally {
                browser.quit();
                for (LivePc pc : pcs) {
                    pc.close();
                }
            }
        }
    }

    private static ClubSettings openWeekdays() {
        List<OpeningHours> week = new ArrayList<>();
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.add(new OpeningHours(day, LocalTime.of(9, 0), LocalTime.of(12, 30)));
            week.add(new OpeningHours(day, LocalTime.of(13, 30), LocalTime.of(18, 0)));
        }
        return new ClubSettings(0, week, 30, null, true, 5, 15);
    }

    private static PcState free(Instant at) {
        return new PcState(at, PcMode.FREE, null, null, null, HealthStatus.OK, false, null, null, "0.1.0");
    }

    private static PcState session(Instant at, VisitorKind visitor, int minutesLeft, Instant started, boolean help) {
        return new PcState(
                at, PcMode.IN_SESSION, visitor, minutesLeft, started, HealthStatus.OK, help, null, null, "0.1.0");
    }

    /** The first command of the kind the PC got. */
    private static Command command(LivePc pc, CommandKind kind) {
        return Patience.await("a " + kind + " command sent to the PC")
                .until(
                        () -> pc.received(Command.class).stream()
                                .filter(command -> command.kind() == kind)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** Clicks what the room's script may redraw meanwhile: a redrawn button is found again. */
    private static void click(WebDriverWait wait, By button) {
        wait.until(d -> {
            try {
                d.findElement(button).click();
                return true;
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    private static WebElement tile(WebDriver browser, int pc) {
        return browser.findElement(By.cssSelector("#tiles article[data-pc='" + pc + "']"));
    }

    /** A tile's mode as the page shows it; "" while the tile is not there (the script redraws). */
    private static String mode(WebDriver browser, int pc) {
        List<WebElement> tiles = browser.findElements(By.cssSelector("#tiles article[data-pc='" + pc + "']"));
        try {
            return tiles.isEmpty() ? "" : tiles.get(0).getAttribute("data-mode");
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }
}
