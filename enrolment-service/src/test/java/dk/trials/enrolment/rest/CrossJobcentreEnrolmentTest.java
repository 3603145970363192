package dk.trials.enrolment.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.Trials;
import dk.trials.events.EventType;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialStatus;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dk.trials.enrolment.rest.EnrolmentApiTest.citizen;
import static dk.trials.enrolment.rest.EnrolmentApiTest.enrol;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Nothing about an enrolment crosses jobcentres: the jobcentre that enrolled a citizen (or an admin) gets the very same
 * body back whatever the trial's state, and any other jobcentre gets exactly the answer a citizen who is not enrolled
 * would get, until the request is one that would enrol: only then does it learn "enrolled by another jobcentre", and
 * nothing more.
 */
@QuarkusTest
class CrossJobcentreEnrolmentTest {

    private static final String ENROLLED_ELSEWHERE = "urn:trials:problem:enrolled-elsewhere";
    private static final Pattern REFUSED = Pattern.compile(
            "trials_cpr_lookups_refused_total\\{[^}]*reason=\"enrolled-elsewhere\"[^}]*} ([0-9.E+-]+)");

    @Inject
    EventCodec codec;
    @Inject
    ObjectMapper json;
    @TestHTTPResource("/api/v1/trials/")
    URI trials;

    private static Map<String, Object> weeksUnemployed(Map<String, Object> body, int weeks) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("weeksUnemployed", weeks);
        return changed;
    }

    private static double refusedLookups() {
        Matcher m = REFUSED.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static long enrolments(UUID trialId) {
        return QuarkusTransaction.requiringNew().call(() -> Enrolment.count("trialId", trialId));
    }

    @Test
    void theEnrollingJobcentreAndAnAdminGetTheVeryFirstBodyWhateverTheTrialsStateOrTheDataSent() {
        TrialDesign design = Trials.design(Trials.simple(), Trials.ONE_TO_ONE);
        UUID trialId = Trials.open(codec, design);
        String cpr = Citizens.aged(24);
        String first = enrol(trialId, TestTokens.jobcentre("101"), citizen(cpr, "101")).then().statusCode(201)
                .extract().asString();

        assertEquals(first, enrol(trialId, TestTokens.jobcentre("101"), weeksUnemployed(citizen(cpr, "101"), 60))
                .then().statusCode(200).extract().asString());
        assertEquals(first, enrol(trialId, TestTokens.admin(), citizen(cpr, "751"))
                .then().statusCode(200).extract().asString());

        for (var change : List.of(Map.entry(EventType.TRIAL_PAUSED, TrialStatus.PAUSED),
                Map.entry(EventType.TRIAL_CLOSED, TrialStatus.FOLLOW_UP),
                Map.entry(EventType.TRIAL_COMPLETED, TrialStatus.COMPLETED))) {
            Trials.publish(codec, change.getKey(), trialId, change.getValue(), design);
            assertEquals(first, enrol(trialId, TestTokens.jobcentre("101"), weeksUnemployed(citizen(cpr, "101"), 60))
                    .then().statusCode(200).extract().asString(), change.getValue().name());
            assertEquals(first, enrol(trialId, TestTokens.admin(), citizen(cpr, "147"))
                    .then().statusCode(200).extract().asString(), change.getValue().name());
        }
    }

    @Test
    void anotherJobcentreAskingForAnEnrolledCitizenInAPausedTrialGetsWhatAnyCitizenWouldGet() {
        TrialDesign design = Trials.design(Trials.simple(), Trials.ONE_TO_ONE);
        UUID trialId = Trials.open(codec, design);
        String enrolled = Citizens.aged(24);
        enrol(trialId, TestTokens.jobcentre("101"), citizen(enrolled, "101")).then().statusCode(201);
        Trials.publish(codec, EventType.TRIAL_PAUSED, trialId, TrialStatus.PAUSED, design);
        double refusedBefore = refusedLookups();

        String toTheEnrolled = enrol(trialId, TestTokens.jobcentre("147"), citizen(enrolled, "147"))
                .then().statusCode(409).contentType("application/problem+json").extract().asString();
        String toAnyone = enrol(trialId, TestTokens.jobcentre("147"), citizen(Citizens.aged(24), "147"))
                .then().statusCode(409).contentType("application/problem+json").extract().asString();

        assertEquals(toAnyone, toTheEnrolled);
        assertEquals(refusedBefore, refusedLookups(), "a request a trial state refuses is no lookup");
    }

    @Test
    void anotherJobcentreSendingIneligibleDataForAnEnrolledCitizenGetsWhatAnyCitizenWouldGet() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String enrolled = Citizens.aged(24);
        enrol(trialId, TestTokens.jobcentre("101"), citizen(enrolled, "101")).then().statusCode(201);

        String toTheEnrolled = enrol(trialId, TestTokens.jobcentre("147"), weeksUnemployed(citizen(enrolled, "147"), 60))
                .then().statusCode(422).contentType("application/problem+json").extract().asString();
        String toAnyone = enrol(trialId, TestTokens.jobcentre("147"), weeksUnemployed(citizen(Citizens.aged(24), "147"), 60))
                .then().statusCode(422).contentType("application/problem+json").extract().asString();

        assertEquals(toAnyone, toTheEnrolled);
    }

    @Test
    void anEligibleRequestFromAnotherJobcentreLearnsOnlyThatTheCitizenIsEnrolledElsewhereAndIsCounted() throws Exception {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String cpr = Citizens.aged(24);
        Response first = enrol(trialId, TestTokens.jobcentre("101"), citizen(cpr, "101"));
        first.then().statusCode(201);
        double refusedBefore = refusedLookups();

        String refusal = enrol(trialId, TestTokens.jobcentre("147"), citizen(cpr, "147"))
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(ENROLLED_ELSEWHERE))
                .body("title", equalTo("Enrolled by another jobcentre"))
                .extract().asString();

        for (String detail : List.of(first.path("enrolmentId"), first.path("arm"), first.path("enrolledAt"),
                first.path("stratum"), "101", cpr.substring(0, 6))) {
            assertFalse(refusal.contains(detail), refusal + " names " + detail);
        }
        assertFalse(json.readTree(refusal).has("errors"), refusal);
        assertEquals(refusedBefore + 1, refusedLookups());
        assertEquals(1, enrolments(trialId));
        // The enrolling jobcentre still gets its enrolment, unchanged.
        assertEquals(first.asString(), enrol(trialId, TestTokens.jobcentre("101"), citizen(cpr, "101"))
                .then().statusCode(200).extract().asString());
    }

    @Test
    void whenTwoJobcentresRaceForOneCitizenTheWinnerGetsItsBodyEveryTimeAndTheOtherOnlyEnrolledElsewhere()
            throws Exception {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String cpr = Citizens.aged(24);

        List<HttpResponse<String>> responses = together(40, i -> i % 2 == 0 ? "101" : "147", trialId, cpr);

        List<HttpResponse<String>> created = responses.stream().filter(r -> r.statusCode() == 201).toList();
        assertEquals(1, created.size(), "one allocation");
        String winner = created.get(0).request().headers().firstValue("X-Jobcentre").orElseThrow();
        for (HttpResponse<String> response : responses) {
            String jobcentre = response.request().headers().firstValue("X-Jobcentre").orElseThrow();
            if (jobcentre.equals(winner)) {
                assertEquals(created.get(0).body(), response.body());
            } else {
                assertEquals(409, response.statusCode(), response.body());
                assertFalse(response.body().contains(json.readTree(created.get(0).body()).path("enrolmentId").asText()),
                        response.body());
                assertEquals(ENROLLED_ELSEWHERE, json.readTree(response.body()).path("type").asText());
            }
        }
        assertEquals(1, enrolments(trialId));
    }

    /** Sends all requests at once (released together by a latch), each from the jobcentre {@code from} names. */
    private List<HttpResponse<String>> together(int count, IntFunction<String> from, UUID trialId,
                                                String cpr) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String jobcentre = from.apply(i);
                HttpRequest request = HttpRequest.newBuilder(trials.resolve(trialId + "/enrolments"))
                        .header("Authorization", "Bearer " + TestTokens.jobcentre(jobcentre))
                        .header("Content-Type", "application/json")
                        .header("X-Jobcentre", jobcentre)
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"cpr": "%s", "jobcentre": "%s", "benefitType": "DAGPENGE", "weeksUnemployed": 3}"""
                                .formatted(cpr, jobcentre)))
                        .build();
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return http.send(request, HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
