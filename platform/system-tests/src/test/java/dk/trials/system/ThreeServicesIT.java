package dk.trials.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.testing.OpenApiConformance;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TestPostgres;
import dk.trials.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three packaged services, each in its own JVM with its own database, talking only through one real Kafka
 * broker: a trial is designed and opened, enrolment-service learns it from trial-events, jobcentres enrol
 * citizens, outcome-service learns the enrolments from enrolment-events, an exit to a job is reported, and the
 * estimates show it.
 */
class ThreeServicesIT {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static ServiceProcess trials;
    private static ServiceProcess enrolments;
    private static ServiceProcess outcomes;

    @BeforeAll
    static void startTheSystem() throws IOException {
        Path work = Files.createDirectories(Path.of("target", "end-to-end"));
        Path publicKey = work.resolve("jwt-public-key.pem");
        try (InputStream key = ThreeServicesIT.class.getResourceAsStream("/jwt/test-public-key.pem")) {
            Files.write(publicKey, key.readAllBytes());
        }
        Path cprKeys = Files.createDirectories(work.resolve("keys").resolve("cpr"));
        writeRandomKey(cprKeys.resolve("base.key"));
        writeRandomKey(cprKeys.resolve("v1.key"));
        Path requestDigestKey = writeRandomKey(work.resolve("keys").resolve("request-digest.key"));

        Map<String, String> shared = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers(),
                "QUARKUS_DATASOURCE_USERNAME", TestPostgres.username(),
                "QUARKUS_DATASOURCE_PASSWORD", TestPostgres.password(),
                "QUARKUS_FLYWAY_USERNAME", TestPostgres.ownerUsername(),
                "QUARKUS_FLYWAY_PASSWORD", TestPostgres.ownerPassword(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toAbsolutePath().toString(),
                "TRIALS_CPR_KEY_DIR", cprKeys.toAbsolutePath().toString(),
                "TRIALS_REQUEST_DIGEST_KEY_FILE", requestDigestKey.toAbsolutePath().toString()));

        trials = start("trial-service", "e2e_trials", shared, work);
        enrolments = start("enrolment-service", "e2e_enrolments", shared, work);
        outcomes = start("outcome-service", "e2e_outcomes", shared, work);
        for (ServiceProcess service : SERVICES) {
            service.awaitReady(Duration.ofSeconds(120));
        }
    }

    /** Keys are mounted files in production, so the packaged services read them from files here too. */
    private static Path writeRandomKey(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Files.writeString(file, Base64.getEncoder().encodeToString(key));
    }

    private static ServiceProcess start(String module, String database, Map<String, String> shared, Path work) {
        Map<String, String> environment = new HashMap<>(shared);
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", TestPostgres.jdbcUrl(database));
        ServiceProcess service = ServiceProcess.start(module, environment, work);
        SERVICES.add(service);
        return service;
    }

    @AfterAll
    static void stopTheSystem() {
        SERVICES.forEach(ServiceProcess::close);
    }

    @Test
    void aTrialFlowsFromDesignThroughEnrolmentToEstimates() {
        LocalDate today = LocalDate.now(COPENHAGEN);
        String trialId = given().baseUri(trials.baseUri()).auth().oauth2(TestTokens.designer())
                .contentType(ContentType.JSON).body(design(today))
                .post("/api/v1/trials")
                .then().statusCode(201).extract().path("id");
        given().baseUri(trials.baseUri()).auth().oauth2(TestTokens.designer())
                .post("/api/v1/trials/{id}/open", trialId)
                .then().statusCode(200).body("status", equalTo("RECRUITING"));

        // enrolment-service knows trials only from trial-events: until the event arrives the trial is unknown (404).
        String anna = cprOfAge(today, 25, 1);
        Response first = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> enrol(trialId, anna, "101"), r -> r.statusCode() != 404);
        assertEquals(201, first.statusCode(), first.asString());
        String annasArm = first.path("arm");
        String annasEnrolment = first.path("enrolmentId");

        Response again = enrol(trialId, anna, "101");
        assertEquals(200, again.statusCode());
        assertEquals(first.asString(), again.asString(), "a second enrolment of the same citizen gets the same body");

        List<String> others = List.of(cprOfAge(today, 22, 2), cprOfAge(today, 27, 3), cprOfAge(today, 19, 4));
        assertEquals(201, enrol(trialId, others.get(0), "101").statusCode());
        assertEquals(201, enrol(trialId, others.get(1), "147").statusCode());
        assertEquals(201, enrol(trialId, others.get(2), "147").statusCode());

        // outcome-service learns enrolments from enrolment-events; the outcome may even arrive first.
        given().baseUri(outcomes.baseUri()).auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("cpr", anna, "type", "JOB_EXIT", "occurredOn", today.toString(),
                        "source", "DREAM", "sourceId", "e2e-" + trialId))
                .post("/api/v1/trials/{id}/outcomes", trialId)
                .then().statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(200))
                        .and(org.hamcrest.Matchers.lessThan(300)));

        JsonNode estimates = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> estimates(trialId, today), e -> total(e, "participants") == 4 && total(e, "events") == 1);
        JsonNode annasArmFigures = StreamSupport.stream(estimates.path("arms").spliterator(), false)
                .filter(arm -> arm.path("arm").asText().equals(annasArm)).findFirst().orElseThrow();
        assertEquals(1, annasArmFigures.path("events").asInt(), "Anna's exit to a job counts in the arm she was allocated");
        assertEquals(182, estimates.path("horizonDays").asInt());
        assertFalse(annasEnrolment.isBlank());
    }

    @Test
    void everyServiceDocumentsEveryOperation() throws IOException {
        for (ServiceProcess service : SERVICES) {
            String document = given().baseUri(service.baseUri()).accept("application/json").get("/q/openapi?format=json")
                    .then().statusCode(200).extract().asString();
            List<String> shortfalls = OpenApiConformance.shortfalls(JSON.readTree(document));
            assertTrue(shortfalls.isEmpty(), service.baseUri() + " OpenAPI shortfalls:\n" + String.join("\n", shortfalls));
        }
    }

    private static Response enrol(String trialId, String cpr, String jobcentre) {
        return given().baseUri(enrolments.baseUri()).auth().oauth2(TestTokens.jobcentre(jobcentre))
                .contentType(ContentType.JSON)
                .body(Map.of("cpr", cpr, "jobcentre", jobcentre, "benefitType", "DAGPENGE", "weeksUnemployed", 3))
                .post("/api/v1/trials/{id}/enrolments", trialId);
    }

    private static JsonNode estimates(String trialId, LocalDate asOf) throws IOException {
        Response response = given().baseUri(outcomes.baseUri()).auth().oauth2(TestTokens.analyst())
                .queryParam("asOf", asOf.toString())
                .get("/api/v1/trials/{id}/estimates", trialId);
        return response.statusCode() == 200 ? JSON.readTree(response.asString()) : JSON.createObjectNode();
    }

    private static int total(JsonNode estimates, String field) {
        int sum = 0;
        for (JsonNode arm : estimates.path("arms")) {
            sum += arm.path(field).asInt();
        }
        return sum;
    }

    /** A valid CPR number of someone who is {@code age} years old today; the serial makes it unique. */
    static String cprOfAge(LocalDate today, int age, int serial) {
        LocalDate born = today.minusYears(age).minusDays(1);
        int seventh = born.getYear() >= 2000 ? 4 : 0;
        return born.format(DateTimeFormatter.ofPattern("ddMMyy")) + seventh + String.format("%03d", serial);
    }

    private static String design(LocalDate today) {
        return """
                {
                  "title": "End-to-end: early intensive contact",
                  "type": "RCT",
                  "targetGroup": "DAGPENGE",
                  "arms": [
                    {"code": "treatment", "name": "Intensive contact", "allocationWeight": 1},
                    {"code": "control", "name": "Ordinary effort", "allocationWeight": 1, "control": true}
                  ],
                  "randomisation": {"method": "SIMPLE"},
                  "eligibility": {"benefitTypes": ["DAGPENGE"], "minAge": 18, "maxAge": 29, "maxWeeksUnemployed": 52},
                  "jobcentres": ["101", "147"],
                  "primaryOutcome": {"type": "JOB_EXIT", "horizonWeeks": 26},
                  "plannedParticipants": 400,
                  "enrolmentPeriod": {"start": "%s", "end": "%s"}
                }""".formatted(today.minusDays(30), today.plusDays(300));
    }
}
