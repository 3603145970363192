package dk.trials.outcome.dashboard;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;

/**
 * Debian's chromium driven headless through its chromium-driver, with a profile of its own that is thrown away and
 * nothing fetched from the network but the page under test. Selenium is pointed at both binaries, so it never tries
 * to download a browser or a driver. With CI=true a missing browser fails the test; elsewhere it skips, loudly.
 */
final class HeadlessChromium {

    static final File BROWSER = new File(System.getProperty("trials.chromium", "/usr/bin/chromium"));
    static final File DRIVER = new File(System.getProperty("trials.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    static void requireInstalled() {
        boolean installed = BROWSER.canExecute() && DRIVER.canExecute();
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI needs " + BROWSER + " and " + DRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        if (!installed) {
            System.err.println("*** SKIPPED: the dashboard's browser test needs " + BROWSER + " and " + DRIVER
                    + " (apt-get install -y chromium chromium-driver) ***");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
    }

    /** A browser with a fresh profile in {@code profile} that saves downloads into {@code downloads}. */
    static ChromeDriver start(Path profile, Path downloads) throws IOException {
        Files.createDirectories(profile);
        Files.createDirectories(downloads);
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        options.setBinary(BROWSER);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--window-size=1400,2600", "--user-data-dir=" + profile.toAbsolutePath(),
                "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
