package dk.trials.outcome.dashboard;

import dk.trials.outcome.LookTrials;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.service.EnrolmentProjection;
import dk.trials.outcome.service.OutcomeIngestion;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real browser (headless Chromium) against the running service and a demo trial: a completed
 * two-arm trial with job exits in both arms, one formal look and more job exits after it. The page signs in from the
 * fragment, loads without a console error, draws every chart with data, shows the API's figures, downloads each chart
 * as PNG and SVG, every control is reached by Tab, and it speaks Danish on request; a screenshot is left in
 * target/dashboard.png for a person to look at.
 */
@QuarkusTest
class DashboardInTheBrowserTest extends TestInfrastructure {

    private static final List<String> CHARTS = List.of("survival", "hazard", "risk", "monitoring", "recruitment", "flow");

    @Inject
    EventCodec codec;
    @Inject
    EnrolmentProjection enrolments;
    @Inject
    OutcomeIngestion ingestion;

    /** The address the README gives (the page itself is /dashboard/). */
    @TestHTTPResource("/dashboard")
    URL dashboard;

    private LookTrials.Trial trial;
    private ChromeDriver browser;
    private Path downloads;
    private Path profile;

    @BeforeEach
    void aDemoTrialAndABrowser() throws Exception {
        HeadlessChromium.requireInstalled();
        LookTrials trials = new LookTrials(codec, enrolments, ingestion);
        trial = trials.open(100, 60);
        trials.ingestBatch(trial.id(), trial.treatment(), 0, 36, "treatment");
        trials.ingestBatch(trial.id(), trial.control(), 0, 24, "control");
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"reason\": \"Dashboard demo interim\"}")
                .post("/api/v1/trials/{id}/looks", trial.id()).then().statusCode(201);
        // Job exits reported after the look: the provisional figures move on from the formal ones.
        trials.ingestBatch(trial.id(), trial.treatment(), 36, 45, "treatment");
        trials.ingestBatch(trial.id(), trial.control(), 24, 30, "control");
        trials.complete(trial, 100);
        await().atMost(Duration.ofSeconds(30)).until(() -> summary() != null && "COMPLETED".equals(summary().getString("status"))
                && !estimates().getList("comparisons").isEmpty()
                && given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/estimates/history", trial.id())
                .then().extract().jsonPath().getList("points").size() >= 2);
        Path run = Path.of("target", "chromium-" + UUID.randomUUID());
        downloads = run.resolve("downloads");
        profile = run.resolve("profile");
        browser = HeadlessChromium.start(profile, downloads);
    }

    @AfterEach
    void closeTheBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
            // The profile is tens of megabytes; the downloads stay beside the screenshot for a person to open.
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void theDashboardShowsTheTrialAsTheApiGivesItInEveryChartAndIsReachedByKeyboard() throws Exception {
        String token = TestTokens.analyst();
        browser.get(dashboard + "#token=" + token);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // The page opens the first trial of the list by itself; then ours is chosen as a user would.
        wait.until(d -> d.findElement(By.id("trial")).isDisplayed() && d.findElement(By.id("status")).getText().isEmpty());
        WebElement show = browser.findElement(By.cssSelector("button[aria-label='Show " + trial.id() + "']"));
        assertEquals(dashboard + "/", browser.getCurrentUrl(), "the token has left the address bar");
        assertEquals(token, script("return sessionStorage.getItem('trials.dashboard.token')"));

        show.click();
        wait.until(d -> d.findElement(By.id("trial-heading")).getText().contains(trial.id().toString())
                && CHARTS.stream().allMatch(chart -> points(chart) > 0));

        JsonPath estimates = estimates();
        for (String arm : List.of("treatment", "control")) {
            int i = estimates.getList("arms.arm").indexOf(arm);
            assertEquals(estimates.getString("arms[" + i + "].participants"), figure("participants-" + arm).getText());
            assertEquals(estimates.getString("arms[" + i + "].events"), figure("events-" + arm).getText());
        }
        assertEquals("60", figure("participants-treatment").getText());
        assertEquals("45", figure("events-treatment").getText());
        double hazardRatio = estimates.getDouble("comparisons[0].hazardRatio.estimate");
        assertEquals(hazardRatio, Double.parseDouble(figure("hazard-ratio").getAttribute("data-value")), 0);
        assertTrue(figure("hazard-ratio").getText().startsWith(String.format(Locale.UK, "%.2f (", hazardRatio)),
                figure("hazard-ratio").getText());
        assertEquals(estimates.getString("monitoring.decision"), figure("decision").getText());

        JsonPath trialSummary = summary();
        assertEquals(120, trialSummary.getInt("participants"));
        assertEquals(List.of(45, 30), List.of(trialSummary.getInt("flow[0].jobExits"), trialSummary.getInt("flow[1].jobExits")));
        // Recruitment: one jobcentre, both arms (the trial no longer enrols). The flow: assessment for eligibility,
        // randomised and three boxes per arm; no exclusions box, as enrolment-service has not counted its screening
        // here (the seeding sends no count).
        assertEquals(2, points("recruitment"));
        assertEquals(8, points("flow"));
        assertNull(trialSummary.get("screening"));
        assertEquals("", browser.findElement(By.id("flow-chart")).getAttribute("data-assessed"));
        assertEquals("Assessed for eligibility: not yet counted.", browser.findElement(By.id("screening-note")).getText());
        // Kaplan–Meier: the survfit rows the API gives, every arm.
        JsonPath survival = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/survival", trial.id())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(survival.getList("arms[0].points").size() + survival.getList("arms[1].points").size(), points("survival"));

        eachChartIsDownloadedAsPngAndSvg();
        saveScreenshot();
        assertEquals(List.of(), consoleErrors(), "console errors");
        everyControlIsReachedByTab();

        browser.findElement(By.id("language")).click();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Arbejdsmarkedsforsøg"));
        assertEquals("da", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(figure("hazard-ratio").getText().startsWith(String.format(Locale.forLanguageTag("da-DK"), "%.2f (",
                hazardRatio)), figure("hazard-ratio").getText());
        assertTrue(CHARTS.stream().allMatch(chart -> points(chart) > 0), "the charts drawn again in Danish");
        assertEquals("Vurderet for egnethed: endnu ikke talt.", browser.findElement(By.id("screening-note")).getText());
        assertEquals(List.of(), consoleErrors(), "console errors after switching to Danish");
    }

    @Test
    void withoutATokenThePageSaysHowToSignInAndCallsNothingWithoutOne() {
        browser.get(dashboard.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("status")).getText().contains("#token="));
        assertEquals(List.of(), consoleErrors(), "console errors");
    }

    private void everyControlIsReachedByTab() {
        @SuppressWarnings("unchecked")
        List<String> controls = (List<String>) script("""
                return [...document.querySelectorAll('button, select, a[href], input')]
                  .filter(e => e.checkVisibility()).map(e => e.outerHTML.slice(0, 200));""");
        browser.findElement(By.tagName("body")).click();
        Set<String> reached = new LinkedHashSet<>();
        for (int i = 0; i < controls.size() + 3; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            reached.add((String) script("return document.activeElement.outerHTML.slice(0, 200)"));
        }
        List<String> missed = controls.stream().filter(c -> !reached.contains(c)).toList();
        assertEquals(List.of(), missed, "controls Tab does not reach");
        assertTrue(controls.size() >= 2 * CHARTS.size() + 2, "download buttons, the language and the trial: " + controls);
    }

    private void eachChartIsDownloadedAsPngAndSvg() {
        String file = trial.id().toString().substring(0, 8);
        for (String chart : CHARTS) {
            List<WebElement> buttons = browser.findElements(By.cssSelector("#" + chart + "-figure .downloads button"));
            assertEquals(List.of("PNG", "SVG"), buttons.stream().map(WebElement::getText).toList());
            buttons.forEach(WebElement::click);
            Path png = downloads.resolve(chart + "-" + file + ".png");
            Path svg = downloads.resolve(chart + "-" + file + ".svg");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(png) && Files.exists(svg));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                byte[] image = Files.readAllBytes(png);
                assertTrue(image.length > 1000 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G', chart + ".png");
                assertTrue(Files.readString(svg).startsWith("<svg"), chart + ".svg");
            });
        }
    }

    private void saveScreenshot() throws Exception {
        script("window.scrollTo(0, 0)");
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    private int points(String chart) {
        String value = browser.findElement(By.id(chart + "-chart")).getAttribute("data-points");
        return value == null ? 0 : Integer.parseInt(value);
    }

    private WebElement figure(String key) {
        return browser.findElement(By.cssSelector("[data-figure='" + key + "']"));
    }

    private Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private JsonPath estimates() {
        // Figures as the doubles they are (JsonPath would read them as floats).
        return JsonPath.from(given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/estimates", trial.id())
                .then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** The trial's entry in the trial list, or null while outcome-service does not list it. */
    private JsonPath summary() {
        String body = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials").then().statusCode(200)
                .extract().asString();
        int index = JsonPath.from(body).getList("trials.trialId").indexOf(trial.id().toString());
        return index < 0 ? null : JsonPath.from(body).setRootPath("trials[" + index + "]");
    }
}
