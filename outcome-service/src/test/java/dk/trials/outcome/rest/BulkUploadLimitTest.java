package dk.trials.outcome.rest;

import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.config.BulkUploadsConfig;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bulk uploads are bounded: while as many files load as the service loads at once, one more is refused with 429 and
 * Retry-After before a line of it is read, and nothing of it is kept; once a slot is free it loads as usual.
 */
@QuarkusTest
class BulkUploadLimitTest extends TestInfrastructure {

    private static final LocalDate TODAY = LocalDate.now(TrialsClock.ZONE);
    /** More than the REST layer buffers before it hands the endpoint a stream, so each upload is loading. */
    private static final int LINES_BEFORE_HOLDING = 200;

    @Inject
    EventCodec codec;
    @Inject
    BulkUploadsConfig config;
    @Inject
    AgroalDataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void oneUploadBeyondThePoolIsRefusedWith429AndRetryAfterAndNothingOfItIsKept() throws Exception {
        UUID trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), 400);
        int slots = config.concurrentUploads();
        List<SubmissionPublisher<ByteBuffer>> bodies = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> loading = new ArrayList<>();
        Set<String> sent = new HashSet<>();
        for (int upload = 0; upload < slots; upload++) {
            SubmissionPublisher<ByteBuffer> body = new SubmissionPublisher<>();
            loading.add(http.sendAsync(HttpRequest.newBuilder(bulkUri(trialId))
                    .header("Authorization", "Bearer " + TestTokens.admin())
                    .header("Content-Type", OutcomeResource.NDJSON)
                    .POST(HttpRequest.BodyPublishers.fromPublisher(body)).build(), HttpResponse.BodyHandlers.ofString()));
            await().atMost(Duration.ofSeconds(30)).until(() -> body.getNumberOfSubscribers() > 0);
            String lines = lines("held-" + upload);
            body.submit(ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8)));
            sent.addAll(sourceIds(lines));
            bodies.add(body);
        }
        // Every slot is taken once each upload has registered (before it reads its lines), and stays so: the
        // bodies are held open.
        await().atMost(Duration.ofSeconds(30)).until(() -> uploadsInFlight(trialId) == slots);

        String refusedFile = lines("refused");
        Response refused = given().auth().oauth2(TestTokens.admin()).contentType(OutcomeResource.NDJSON)
                .body(refusedFile.getBytes(StandardCharsets.UTF_8)).post("/api/v1/trials/{id}/outcomes/bulk", trialId);
        assertEquals(429, refused.statusCode());
        assertEquals(String.valueOf(config.retryAfter().toSeconds()), refused.header("Retry-After"));
        assertEquals("application/problem+json", refused.contentType().split(";")[0]);
        assertEquals("urn:trials:problem:too-many-uploads", refused.jsonPath().getString("type"));
        assertEquals(429, refused.jsonPath().getInt("status"));

        bodies.forEach(SubmissionPublisher::close);
        for (CompletableFuture<HttpResponse<String>> upload : loading) {
            HttpResponse<String> done = upload.get(60, TimeUnit.SECONDS);
            assertEquals(200, done.statusCode(), done.body());
            assertEquals(LINES_BEFORE_HOLDING, JsonPath.from(done.body()).getLong("pending"));
        }
        assertEquals(sent, unmatchedSourceIds(trialId), "the held files' lines, none of the refused one's");

        // With a slot free again the same file loads.
        JsonPath again = given().auth().oauth2(TestTokens.admin()).contentType(OutcomeResource.NDJSON)
                .body(refusedFile.getBytes(StandardCharsets.UTF_8)).post("/api/v1/trials/{id}/outcomes/bulk", trialId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(LINES_BEFORE_HOLDING, again.getLong("pending"));
        assertEquals(0, uploadsInFlight(trialId));
    }

    @Test
    void theDocumentNamesThe429AndItsRetryAfter() {
        JsonPath api = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        String response = "paths.'/api/v1/trials/{trialId}/outcomes/bulk'.post.responses.'429'";
        assertEquals("integer", api.getString(response + ".headers.Retry-After.schema.type"));
        assertEquals("#/components/schemas/Problem",
                api.getString(response + ".content.'application/problem+json'.schema.$ref"));
    }

    private static URI bulkUri(UUID trialId) {
        return URI.create("http://localhost:" + RestAssured.port + "/api/v1/trials/" + trialId + "/outcomes/bulk");
    }

    /** Lines of outcomes of participants not enrolled, so each is kept as pending. */
    private static String lines(String file) {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= LINES_BEFORE_HOLDING; i++) {
            lines.append("{\"enrolmentId\":\"").append(UUID.randomUUID()).append("\",\"type\":\"JOB_EXIT\",")
                    .append("\"occurredOn\":\"").append(TODAY.minusDays(3)).append("\",\"source\":\"DREAM\",")
                    .append("\"sourceId\":\"").append(file).append('-').append(i).append("\"}\n");
        }
        return lines.toString();
    }

    private static Set<String> sourceIds(String lines) {
        Set<String> ids = new HashSet<>();
        for (String line : lines.split("\n")) {
            ids.add(JsonPath.from(line).getString("sourceId"));
        }
        return ids;
    }

    private static Set<String> unmatchedSourceIds(UUID trialId) {
        return new HashSet<>(given().auth().oauth2(TestTokens.admin())
                .get("/api/v1/trials/{id}/outcomes/unmatched", trialId).then().statusCode(200).extract().jsonPath()
                .getList("outcomes.sourceId", String.class));
    }

    private long uploadsInFlight(UUID trialId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from upload_in_flight where trial_id = ?")) {
            s.setObject(1, trialId);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
