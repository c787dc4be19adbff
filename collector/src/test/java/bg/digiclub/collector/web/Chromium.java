package bg.digiclub.collector.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard's browser tests' one way to a real headless Chromium (Debian's chromium and
 * chromedriver, nothing downloaded) and to their screenshots (in target/screenshots, or where
 * {@code -Dcollector.screenshots} says: {@code $PWD/docs/screenshots} to refresh the docs' pictures).
 */
final class Chromium {
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    private Chromium() {}

    /** A browser with its own profile in {@code temp} that saves downloads into {@code downloads}. */
    static ChromeDriver start(Path temp, Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + temp.resolve("profile"),
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--lang=bg");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** A picture of the page in a window {@code width} x {@code height}; the window is set back afterwards. */
    static void screenshot(WebDriver browser, String name, int width, int height) throws IOException {
        browser.manage().window().setSize(new Dimension(width, height));
        Path dir = Path.of(System.getProperty("collector.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(name), png);
        browser.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    }
}
