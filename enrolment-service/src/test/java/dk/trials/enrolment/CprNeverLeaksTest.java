package dk.trials.enrolment;

import dk.trials.events.Topics;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TopicProbe;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.testing.TestTokens;
import dk.trials.enrolment.rest.EnrolmentApiTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs after every other Quarkus test of the module and looks for each CPR number the suite used — with and without
 * hyphen — in every text and JSON column of every table, in the service log and in every record on every topic.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class CprNeverLeaksTest {

    private static final Pattern CPR_SHAPED = Pattern.compile("(?<!\\d)(\\d{6})-?(\\d{4})(?!\\d)");

    @Inject
    EntityManager entityManager;
    @Inject
    EventCodec codec;

    /** The CPR numbers of the suite found in {@code text}, in either form. */
    static List<String> leaked(String text, Set<String> cprs) {
        List<String> found = new ArrayList<>();
        Matcher m = CPR_SHAPED.matcher(text);
        while (m.find()) {
            if (cprs.contains(m.group(1) + m.group(2))) {
                found.add(m.group());
            }
        }
        return found;
    }

    @Test
    void theScanFindsACprNumberInEitherForm() {
        Set<String> cprs = Set.of("0101991234");
        assertEquals(List.of("0101991234", "010199-1234"), leaked("a 0101991234 b {\"x\":\"010199-1234\"}", cprs));
        assertEquals(List.of(), leaked("90101991234 0101991235", cprs));
    }

    /**
     * Sends CPR numbers down every path that takes one (enrolment, repetition with hyphen, refusal, import,
     * withdrawal, a request for a citizen enrolled elsewhere, CPR numbers typed into other fields, a transfer and
     * an audited read), so the scan is meaningful even when this class runs alone.
     */
    private UUID exerciseEveryPathThatTakesACprNumber() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.blocks(List.of(4), StratificationFactor.JOBCENTRE,
                StratificationFactor.GENDER), Trials.ONE_TO_ONE));
        String first = null;
        for (int i = 0; i < 20; i++) {
            String cpr = Citizens.aged(19 + i % 10);
            Response r = EnrolmentApiTest.enrol(trialId, TestTokens.jobcentre("101"), EnrolmentApiTest.citizen(cpr, "101"));
            r.then().statusCode(201);
            first = first == null ? r.path("enrolmentId") : first;
            if (i == 0) {
                EnrolmentApiTest.enrol(trialId, TestTokens.jobcentre("101"),
                        EnrolmentApiTest.citizen(cpr.substring(0, 6) + "-" + cpr.substring(6), "101")).then().statusCode(200);
            }
        }
        EnrolmentApiTest.enrol(trialId, TestTokens.jobcentre("101"), EnrolmentApiTest.citizen(Citizens.aged(45), "101"))
                .then().statusCode(422);
        List<Map<String, Object>> imports = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            imports.add(Map.of("cpr", Citizens.aged(25), "jobcentre", "147", "arm", "control",
                    "enrolledOn", LocalDate.now(Citizens.COPENHAGEN).minusDays(20).toString()));
        }
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("enrolments", imports))
                .post("/api/v1/trials/{id}/enrolments/import", trialId).then().statusCode(200);
        given().auth().oauth2(TestTokens.jobcentre("101")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Found work", "date", LocalDate.now(Citizens.COPENHAGEN).toString()))
                .post("/api/v1/trials/{t}/enrolments/{e}/withdrawal", trialId, first).then().statusCode(200);
        String elsewhere = Citizens.aged(21);
        EnrolmentApiTest.enrol(trialId, TestTokens.jobcentre("101"), EnrolmentApiTest.citizen(elsewhere, "101"))
                .then().statusCode(201);
        EnrolmentApiTest.enrol(trialId, TestTokens.jobcentre("147"), EnrolmentApiTest.citizen(elsewhere, "147"))
                .then().statusCode(409);
        EnrolmentApiTest.enrol(trialId, TestTokens.jobcentre("101"),
                Map.of("cpr", Citizens.aged(22), "jobcentre", "101", "benefitType", Citizens.aged(23))).then().statusCode(422);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("jobcentre", "147", "reason", "Moved, was " + Citizens.aged(24)))
                .post("/api/v1/trials/{t}/enrolments/{e}/transfer", trialId, first).then().statusCode(422);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("jobcentre", "147", "reason", "Moved to Frederiksberg"))
                .post("/api/v1/trials/{t}/enrolments/{e}/transfer", trialId, first).then().statusCode(200);
        given().auth().oauth2(TestTokens.jobcentre("147")).get("/api/v1/trials/{t}/enrolments/{e}", trialId, first)
                .then().statusCode(200);
        return trialId;
    }

    @Test
    void noCprNumberIsInAnyTableLogLineOrKafkaRecord() throws Exception {
        UUID trialId = exerciseEveryPathThatTakesACprNumber();
        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.ENROLMENT_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.recordsWithKey(trialId.toString()).size() == 33);
        }
        Set<String> cprs = Citizens.issued();
        List<String> leaks = new ArrayList<>();

        int rowsScanned = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> columns = entityManager.createNativeQuery("""
                            select table_name, column_name from information_schema.columns
                            where table_schema = 'public' and data_type in ('text', 'jsonb', 'json', 'character varying')""")
                    .getResultList();
            int rows = 0;
            for (Object[] column : columns) {
                @SuppressWarnings("unchecked")
                List<String> values = entityManager.createNativeQuery(
                        "select cast(\"" + column[1] + "\" as text) from \"" + column[0] + "\" where \"" + column[1] + "\" is not null")
                        .getResultList();
                for (String value : values) {
                    rows++;
                    leaked(value, cprs).forEach(cpr -> leaks.add(column[0] + "." + column[1] + ": " + cpr));
                }
            }
            return rows;
        });
        assertTrue(rowsScanned > 200, "the tables hold the enrolments: " + rowsScanned + " values scanned");

        Path log = Path.of("target/enrolment-service-test.log");
        String logText = Files.readString(log);
        assertTrue(logText.contains("TRIAL_OPENED"), "the service log was written");
        leaked(logText, cprs).forEach(cpr -> leaks.add("log: " + cpr));

        int records = 0;
        Set<String> topics;
        Map<String, Long> published;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            topics = admin.listTopics().names().get();
            published = recordsOn(admin, topics);
        }
        for (String topic : topics) {
            try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), topic)) {
                // Read until the probe has every record the topic held when the scan began.
                List<ConsumerRecord<String, String>> seen = await().atMost(Duration.ofSeconds(30))
                        .until(probe::records, r -> r.size() >= published.get(topic));
                for (ConsumerRecord<String, String> record : seen) {
                    records++;
                    leaked(record.key() + " " + record.value(), cprs).forEach(cpr -> leaks.add(topic + ": " + cpr));
                }
            }
        }
        assertTrue(topics.contains(Topics.ENROLMENT_EVENTS) && records >= 33, "the topics were read: " + records + " records");

        assertEquals(List.of(), leaks);
    }

    /** How many records each topic holds: the sum of its partitions' end offsets (nothing is deleted in a test run). */
    private static Map<String, Long> recordsOn(Admin admin, Set<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> ends.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<String, Long> records = new HashMap<>();
        admin.listOffsets(ends).all().get().forEach((partition, end) -> records.merge(partition.topic(), end.offset(), Long::sum));
        return records;
    }
}
