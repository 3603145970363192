package dk.trials.enrolment.rest;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.testing.TestTokens;
import dk.trials.enrolment.AllocationDecision;
import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.Trials;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jobcentres call concurrently: one allocation per citizen, and blocks intact, whatever the interleaving. */
@QuarkusTest
class ConcurrentEnrolmentTest {

    @Inject
    EventCodec codec;
    @TestHTTPResource("/api/v1/trials/")
    URI trials;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Sends all requests at once (released together by a latch) and returns the responses in request order. */
    private List<HttpResponse<String>> together(int count, Function<Integer, HttpRequest> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpRequest r = request.apply(i);
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return http.send(r, HttpResponse.BodyHandlers.ofString());
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

    private HttpRequest enrolment(UUID trialId, String cpr) {
        return HttpRequest.newBuilder(trials.resolve(trialId + "/enrolments"))
                .header("Authorization", "Bearer " + TestTokens.jobcentre("101"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"cpr": "%s", "jobcentre": "101", "benefitType": "DAGPENGE", "weeksUnemployed": 3}""".formatted(cpr)))
                .build();
    }

    @Test
    void aHundredConcurrentRequestsForOneCitizenMakeOneAllocationAndAllGetItsBody() throws Exception {
        UUID trialId = Trials.open(codec, Trials.design(Trials.blocks(List.of(4, 6), StratificationFactor.JOBCENTRE), Trials.ONE_TO_ONE));
        String cpr = Citizens.aged(24);

        List<HttpResponse<String>> responses = together(100, i -> enrolment(trialId, cpr));

        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count(), "exactly one request creates");
        assertEquals(99, responses.stream().filter(r -> r.statusCode() == 200).count());
        assertEquals(1, responses.stream().map(HttpResponse::body).distinct().count(), "every response has the same body");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Enrolment.count("trialId", trialId)));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AllocationDecision.count("trialId", trialId)));
    }

    @Test
    void twoHundredConcurrentCitizensInOneStratumKeepTheBlocksIntactAndTheLogReplays() throws Exception {
        UUID trialId = Trials.open(codec, Trials.design(Trials.blocks(List.of(4, 6), StratificationFactor.JOBCENTRE), Trials.ONE_TO_ONE));
        List<String> cprs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            cprs.add(Citizens.aged(20 + i % 10));
        }

        List<HttpResponse<String>> responses = together(200, i -> enrolment(trialId, cprs.get(i)));

        assertTrue(responses.stream().allMatch(r -> r.statusCode() == 201), "all are enrolled");
        List<AllocationDecision> decisions = QuarkusTransaction.requiringNew().call(() -> AllocationDecision.ofTrial(trialId));
        assertEquals(200, decisions.size());
        int treatment = 0;
        int control = 0;
        Set<Long> positions = new HashSet<>();
        for (AllocationDecision d : decisions) {
            assertEquals("jobcentre=101", d.lockKey);
            positions.add(d.position);
            if (d.arm.equals("treatment")) {
                treatment++;
            } else {
                control++;
            }
            assertTrue(Math.abs(treatment - control) <= 3,
                    "after " + d.position + " allocations one arm leads by " + Math.abs(treatment - control));
        }
        assertEquals(200, positions.size(), "every position of the sequence is taken once");
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/trials/{id}/allocation-log/replay", trialId)
                .then().statusCode(200)
                .body("checked", org.hamcrest.Matchers.equalTo(200))
                .body("reproduced", org.hamcrest.Matchers.equalTo(200));
    }
}
