package dk.trials.outcome.dashboard;

import dk.trials.outcome.LookTrials;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.service.EnrolmentProjection;
import dk.trials.outcome.service.OutcomeIngestion;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production sign-in in a real browser: with an identity provider configured (here {@link FakeIdentityProvider}),
 * the dashboard opened without a token signs in by authorisation code with PKCE and shows the trials, leaving neither
 * the code nor a token in the address bar and no verifier behind; a token the API refuses sends it to sign in once
 * more, and no further.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeIdentityProvider.class, restrictToAnnotatedClass = true)
class DashboardSignInTest extends TestInfrastructure {

    private static final String TOKEN = "trials.dashboard.token";
    private static final String PENDING = "trials.dashboard.signIn";

    /** Injected by its test resource. */
    FakeIdentityProvider provider;

    @Inject
    EventCodec codec;
    @Inject
    EnrolmentProjection enrolments;
    @Inject
    OutcomeIngestion ingestion;

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void aProviderThatKnowsTheDashboard() {
        provider.serve(URI.create(dashboard.toString()));
    }

    @AfterEach
    void closeTheBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void thePageTellsWhereToSignInAndLetsItsScriptsReachThatProviderOnly() {
        JsonPath settings = given().get("/dashboard/sign-in.json").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().jsonPath();
        assertEquals(Map.of("issuer", provider.issuer(), "clientId", FakeIdentityProvider.CLIENT_ID), settings.getMap("$"));
        String policy = given().get("/dashboard/").then().statusCode(200).extract().header("Content-Security-Policy");
        assertTrue(policy.contains("connect-src 'self' " + provider.origin() + ";"), policy);
        assertTrue(policy.contains("script-src 'self';") && policy.contains("form-action 'none'"), policy);
    }

    @Test
    void openedWithoutATokenThePageSignsInWithPkceAndShowsTheTrials() throws Exception {
        UUID trial = aListedTrial();
        openBrowser();
        browser.get(dashboard.toString());
        waitForThePage().until(d -> !d.findElements(By.cssSelector("button[aria-label='Show " + trial + "']")).isEmpty());

        assertEquals(List.of(), provider.refusals(), "requests the provider refused");
        assertEquals(1, provider.authorisations());
        assertEquals(dashboard.toString(), browser.getCurrentUrl(), "neither code, state nor token in the address bar");
        assertEquals(provider.lastAccessToken(), script("return sessionStorage.getItem('" + TOKEN + "')"));
        assertNull(script("return sessionStorage.getItem('" + PENDING + "')"), "no verifier, state or nonce left");
        assertEquals(List.of(), consoleErrors(), "console errors");
    }

    @Test
    void aRefusedTokenSignsInAgainOnceAndATokenRefusedAfterThatStopsThePage() throws Exception {
        UUID trial = aListedTrial();
        openBrowser();
        WebDriverWait wait = waitForThePage();
        // A token of another system in the tab: refused by the API, so the page signs in and gets one it takes.
        browser.get(dashboard + "#token=" + TestTokens.forAudience("analyst", "another-system"));
        wait.until(d -> !d.findElements(By.cssSelector("button[aria-label='Show " + trial + "']")).isEmpty());
        assertEquals(1, provider.authorisations());
        assertEquals(provider.lastAccessToken(), script("return sessionStorage.getItem('" + TOKEN + "')"));

        // Now every token is refused: one more sign-in after the refusal, then the page says so instead of looping.
        provider.issueRefusedTokens();
        script("sessionStorage.removeItem('" + TOKEN + "')");
        browser.navigate().refresh();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("refused again"));
        assertEquals(3, provider.authorisations());
        assertEquals(List.of(), provider.refusals(), "requests the provider refused");
        assertEquals(dashboard.toString(), browser.getCurrentUrl());
    }

    @Test
    void theProviderGivesATokenOnlyForTheVerifierOfTheChallengeAndOncePerCode() throws Exception {
        String verifier = "a-verifier-of-at-least-forty-three-characters-as-RFC-7636-wants";
        HttpClient client = HttpClient.newHttpClient();

        String code = authorise(client, verifier);
        assertEquals(400, redeem(client, code, "another-verifier-of-at-least-forty-three-characters-long"));
        assertEquals(400, redeem(client, code, verifier), "a code is spent by its first redemption");

        String another = authorise(client, verifier);
        assertEquals(200, redeem(client, another, verifier));
        assertEquals(400, redeem(client, another, verifier), "and by a right one");
    }

    private String authorise(HttpClient client, String verifier) throws Exception {
        String query = form(Map.of("response_type", "code", "response_mode", "fragment",
                "client_id", FakeIdentityProvider.CLIENT_ID, "redirect_uri", dashboard.toString(), "scope", "openid",
                "code_challenge", FakeIdentityProvider.challengeOf(verifier), "code_challenge_method", "S256",
                "state", "state-of-sixteen-chars", "nonce", "nonce-of-sixteen-chars"));
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                URI.create(provider.issuer() + "/protocol/openid-connect/auth?" + query)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(302, response.statusCode());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(dashboard + "#code="), location);
        return location.substring(location.indexOf("#code=") + 6, location.indexOf("&state="));
    }

    private int redeem(HttpClient client, String code, String verifier) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", dashboard.toString(), "client_id", FakeIdentityProvider.CLIENT_ID,
                        "code_verifier", verifier)))).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A trial outcome-service lists (the page's first call once signed in). */
    private UUID aListedTrial() {
        UUID trial = new LookTrials(codec, enrolments, ingestion).open(10, 5).id();
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.analyst())
                .get("/api/v1/trials").then().statusCode(200).extract().jsonPath()
                .getList("trials.trialId").contains(trial.toString()));
        return trial;
    }

    private void openBrowser() throws Exception {
        HeadlessChromium.requireInstalled();
        profile = Path.of("target", "chromium-" + UUID.randomUUID(), "profile");
        browser = HeadlessChromium.start(profile, profile.resolveSibling("downloads"));
    }

    /**
     * Waits across the page's redirects (an element read as the page is left goes stale), and when the wait fails,
     * says what the page and the provider said.
     */
    private WebDriverWait waitForThePage() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class).withMessage(() -> "address: "
                + browser.getCurrentUrl().replaceAll("#.*", "#…") + "; provider refused: " + provider.refusals());
        return wait;
    }

    private List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    private Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
