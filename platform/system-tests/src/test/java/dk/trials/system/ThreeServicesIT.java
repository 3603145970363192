package dk.trials.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.clients.enrolment.ApiResponse;
import dk.trials.clients.enrolment.api.EnrolmentsApi;
import dk.trials.clients.enrolment.api.RecruitmentApi;
import dk.trials.clients.enrolment.model.EnrolmentRequest;
import dk.trials.clients.enrolment.model.EnrolmentResponse;
import dk.trials.clients.outcome.api.EstimatesApi;
import dk.trials.clients.outcome.model.ArmEstimate;
import dk.trials.clients.outcome.model.EstimateResponse;
import dk.trials.clients.outcome.model.OutcomeRequest;
import dk.trials.clients.outcome.model.TrialArmFlow;
import dk.trials.clients.outcome.model.TrialSummary;
import dk.trials.clients.trial.api.TrialsApi;
import dk.trials.clients.trial.model.Trial;
import dk.trials.clients.trial.model.TrialDesignRequest;
import dk.trials.clients.trial.model.TrialStatus;
import dk.trials.events.Topics;
import dk.trials.testing.OpenApiConformance;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TestPostgres;
import dk.trials.testing.TestTokens;
import dk.trials.testing.TopicProbe;
import io.opentelemetry.proto.trace.v1.Span;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    private static SpanCollector collector;

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

        collector = SpanCollector.start();
        Map<String, String> shared = new HashMap<>(Map.ofEntries(
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers()),
                Map.entry("QUARKUS_DATASOURCE_USERNAME", TestPostgres.username()),
                Map.entry("QUARKUS_DATASOURCE_PASSWORD", TestPostgres.password()),
                Map.entry("QUARKUS_FLYWAY_USERNAME", TestPostgres.ownerUsername()),
                Map.entry("QUARKUS_FLYWAY_PASSWORD", TestPostgres.ownerPassword()),
                Map.entry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toAbsolutePath().toString()),
                Map.entry("TRIALS_CPR_KEY_DIR", cprKeys.toAbsolutePath().toString()),
                Map.entry("TRIALS_REQUEST_DIGEST_KEY_FILE", requestDigestKey.toAbsolutePath().toString()),
                // Tracing and JSON logs as in the cluster (deploy/k8s), with this test's collector in its place.
                Map.entry("QUARKUS_OTEL_SDK_DISABLED", "false"),
                Map.entry("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf"),
                Map.entry("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.endpoint()),
                Map.entry("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms"),
                Map.entry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"),
                Map.entry("QUARKUS_LOG_CATEGORY__DK_TRIALS_PLATFORM_INBOX__LEVEL", "DEBUG"),
                Map.entry("TRIALS_ENROLMENT_CHECKPOINT_INTERVAL", "2s")));

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
        collector.close();
    }

    /** The README's walkthrough, step by step, through the generated Java clients instead of curl. */
    @Test
    void theReadmeWalkthroughRunsThroughTheGeneratedClients() throws Exception {
        LocalDate today = LocalDate.now(COPENHAGEN);

        // 1. Design a trial (DRAFT) and open it for recruitment (RECRUITING; the design is frozen and hashed).
        TrialsApi designer = Clients.trials(trials, TestTokens.designer());
        TrialDesignRequest design = Clients.trialClient(trials, null).getObjectMapper()
                .readValue(design(today), TrialDesignRequest.class);
        Trial draft = designer.createTrial(design, null);
        assertEquals(TrialStatus.DRAFT, draft.getStatus());
        Trial opened = designer.openTrial(draft.getId());
        assertEquals(TrialStatus.RECRUITING, opened.getStatus());
        assertTrue(opened.getDesignHash().matches("[0-9a-f]{64}"), opened.getDesignHash());
        UUID trialId = opened.getId();

        // 2. enrolment-service and outcome-service learn the trial from trial-events (until then it is unknown: 404).
        RecruitmentApi recruitment = Clients.recruitment(enrolments, TestTokens.admin());
        EstimatesApi analyst = Clients.estimates(outcomes, TestTokens.analyst());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(dk.trials.clients.enrolment.ApiException.class)
                .until(() -> recruitment.getRecruitment(trialId).getParticipants() == 0);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(dk.trials.clients.outcome.ApiException.class)
                .until(() -> analyst.getEstimates(trialId, null).getTrialId().equals(trialId));

        // 3. A jobcentre enrols a citizen: 201 with the allocated arm; the same request again: 200, the same body.
        EnrolmentsApi jobcentre101 = Clients.enrolments(enrolments, TestTokens.jobcentre("101"));
        String anna = cprOfAge(today, 25, 1);
        ApiResponse<EnrolmentResponse> first = jobcentre101.enrolWithHttpInfo(trialId, enrolment(anna, "101"));
        assertEquals(201, first.getStatusCode());
        ApiResponse<EnrolmentResponse> again = jobcentre101.enrolWithHttpInfo(trialId, enrolment(anna, "101"));
        assertEquals(200, again.getStatusCode());
        assertEquals(first.getData(), again.getData(), "a second enrolment of the same citizen gets the same body");
        String annasArm = first.getData().getArm();

        EnrolmentsApi jobcentre147 = Clients.enrolments(enrolments, TestTokens.jobcentre("147"));
        assertEquals(201, jobcentre101.enrolWithHttpInfo(trialId, enrolment(cprOfAge(today, 22, 2), "101")).getStatusCode());
        assertEquals(201, jobcentre147.enrolWithHttpInfo(trialId, enrolment(cprOfAge(today, 27, 3), "147")).getStatusCode());
        assertEquals(201, jobcentre147.enrolWithHttpInfo(trialId, enrolment(cprOfAge(today, 19, 4), "147")).getStatusCode());

        // A citizen outside the trial's ages (18-29) is refused, and counted among the trial's exclusions.
        dk.trials.clients.enrolment.ApiException notEligible = assertThrows(dk.trials.clients.enrolment.ApiException.class,
                () -> jobcentre101.enrolWithHttpInfo(trialId, enrolment(cprOfAge(today, 45, 5), "101")));
        assertEquals(422, notEligible.getCode());

        // 4. The citizen exits to a job today: 201 once outcome-service has the enrolment, 202 if it arrives first.
        int reported = Clients.outcomes(outcomes, TestTokens.admin()).reportOutcomeWithHttpInfo(trialId, new OutcomeRequest()
                .cpr(anna).type("JOB_EXIT").occurredOn(today.toString()).source("DREAM").sourceId("walkthrough-" + trialId))
                .getStatusCode();
        assertTrue(reported == 201 || reported == 202, "outcome answered " + reported);

        // 5. The estimates: Anna's arm has her as its one event, with a cumulative incidence of 1; horizon 182 days.
        EstimateResponse estimates = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> analyst.getEstimates(trialId, today.toString()),
                        e -> e.getArms().stream().mapToLong(ArmEstimate::getParticipants).sum() == 4
                                && e.getArms().stream().mapToLong(ArmEstimate::getEvents).sum() == 1);
        ArmEstimate annasArmFigures = estimates.getArms().stream().filter(arm -> arm.getArm().equals(annasArm))
                .findFirst().orElseThrow();
        assertEquals(1, annasArmFigures.getEvents(), "Anna's exit to a job counts in the arm she was allocated");
        assertEquals(182, estimates.getHorizonDays());

        // The dashboard's CONSORT flow: 5 assessed, 1 excluded by age, 4 allocated, once enrolment-service's
        // allocation checkpoint (every 2 s here) has reached outcome-service.
        TrialSummary summary = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Clients.dashboardTrials(outcomes, TestTokens.analyst()).listTrials().getTrials().stream()
                        .filter(t -> t.getTrialId().equals(trialId)).findFirst().orElseThrow(),
                        t -> t.getScreening() != null && t.getScreening().getAssessed() == 5);
        assertEquals(1, summary.getScreening().getExcluded());
        assertEquals(Map.of("AGE", 1L), summary.getScreening().getExcludedByReason());
        assertEquals(4, summary.getFlow().stream().mapToLong(TrialArmFlow::getAllocated).sum());

        // Errors are problem+json: no token is 401, a malformed body 400, and neither changes anything.
        dk.trials.clients.trial.ApiException unauthenticated = assertThrows(dk.trials.clients.trial.ApiException.class,
                () -> Clients.trials(trials, null).createTrial(design, null));
        assertEquals(401, unauthenticated.getCode());
        Response malformed = given().baseUri(trials.baseUri()).auth().oauth2(TestTokens.designer())
                .contentType(ContentType.JSON).body("{\"title\": ").post("/api/v1/trials");
        assertEquals(400, malformed.statusCode());
        assertEquals("application/problem+json", malformed.contentType());
        assertEquals(1, designer.listTrials(null, null, null, null, null).stream()
                .filter(trial -> trial.getTitle().equals(draft.getTitle()) && trial.getId().equals(trialId)).count());
    }

    private static EnrolmentRequest enrolment(String cpr, String jobcentre) {
        return new EnrolmentRequest().cpr(cpr).jobcentre(jobcentre).benefitType(EnrolmentRequest.BenefitTypeEnum.DAGPENGE)
                .weeksUnemployed(3);
    }

    @Test
    void anEnrolmentsTraceRunsFromItsRequestThroughKafkaIntoOutcomeService() throws IOException {
        LocalDate today = LocalDate.now(COPENHAGEN);
        String trialId = openTrial(today);
        Response enrolled = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> enrol(trialId, cprOfAge(today, 24, 9), "101"), r -> r.statusCode() != 404);
        assertEquals(201, enrolled.statusCode(), enrolled.asString());
        String enrolmentId = enrolled.path("enrolmentId");

        ConsumerRecord<String, String> record;
        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.ENROLMENT_EVENTS)) {
            record = await().atMost(Duration.ofSeconds(30)).until(() -> probe.recordsWithKey(trialId).stream()
                    .filter(r -> r.value().contains(enrolmentId)).findFirst(), Optional::isPresent).orElseThrow();
        }
        String traceparent = TopicProbe.header(record, "traceparent");
        assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"),
                "the record carries the trace context of the request that enrolled: " + traceparent);
        String traceId = traceparent.split("-")[1];

        SpanCollector.ReceivedSpan request = await().atMost(Duration.ofSeconds(30)).until(() -> collector.spans().stream()
                .filter(span -> span.traceId().equals(traceId) && span.kind() == Span.SpanKind.SPAN_KIND_SERVER)
                .findFirst(), Optional::isPresent).orElseThrow();
        assertEquals("enrolment-service", request.service());
        assertEquals("POST", request.attributes().get("http.request.method"));
        assertEquals("/api/v1/trials/{trialId}/enrolments", request.attributes().get("http.route"));

        String eventId = TopicProbe.header(record, Topics.EVENT_ID_HEADER);
        JsonNode applied = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> outcomes.logLines().stream().map(ThreeServicesIT::json)
                        .filter(line -> line.path("message").asText().contains("PARTICIPANT_ENROLLED " + eventId))
                        .findFirst(), Optional::isPresent).orElseThrow();
        assertEquals(traceId, applied.path("mdc").path("traceId").asText(),
                "outcome-service's log line for the enrolment carries the request's trace id: " + applied);
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
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

    private static String openTrial(LocalDate today) {
        String trialId = given().baseUri(trials.baseUri()).auth().oauth2(TestTokens.designer())
                .contentType(ContentType.JSON).body(design(today))
                .post("/api/v1/trials")
                .then().statusCode(201).extract().path("id");
        given().baseUri(trials.baseUri()).auth().oauth2(TestTokens.designer())
                .post("/api/v1/trials/{id}/open", trialId)
                .then().statusCode(200).body("status", equalTo("RECRUITING"));
        return trialId;
    }

    private static Response enrol(String trialId, String cpr, String jobcentre) {
        return given().baseUri(enrolments.baseUri()).auth().oauth2(TestTokens.jobcentre(jobcentre))
                .contentType(ContentType.JSON)
                .body(Map.of("cpr", cpr, "jobcentre", jobcentre, "benefitType", "DAGPENGE", "weeksUnemployed", 3))
                .post("/api/v1/trials/{id}/enrolments", trialId);
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
