package dk.trials.enrolment.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Trials;
import dk.trials.enrolment.rest.EnrolmentApiTest;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.ApiOperation;
import dk.trials.testing.ApiRequest;
import dk.trials.testing.TestTokens;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;


/**
 * Each operation's documented example made concrete: a recruiting trial with jobcentres 101, 147 and 751, one of
 * 101's participants, and dates the trial accepts; everything else as the OpenAPI document shows it.
 */
final class DocumentedRequests {

    static final String OWN = "101";
    static final String OTHER = "147";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventCodec codec;

    DocumentedRequests(EventCodec codec) {
        this.codec = codec;
    }

    /** A trial opened for this request alone, with one participant enrolled by jobcentre 101. */
    ApiRequest forFreshTrial(ApiOperation operation) {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String enrolmentId = EnrolmentApiTest.enrol(trialId, TestTokens.jobcentre(OWN),
                        EnrolmentApiTest.citizen(Citizens.aged(25), OWN))
                .then().statusCode(201).extract().path("enrolmentId");
        ApiRequest example = ApiRequest.example(operation, Map.of("trialId", trialId.toString(),
                "enrolmentId", enrolmentId, "topic", "trial-events.enrolment-service.dlq", "partition", "0", "offset", "0",
                "uploadId", "migration-2027-01-batch-3"));
        if (example.body() == null) {
            return example;
        }
        ObjectNode body = (ObjectNode) read(example.bodyText());
        String yesterday = LocalDate.now(Citizens.COPENHAGEN).minusDays(1).toString();
        if (body.has("date")) {
            body.put("date", LocalDate.now(Citizens.COPENHAGEN).toString());
        }
        if (body.has("cpr")) {
            body.put("cpr", Citizens.aged(26));
        }
        for (JsonNode line : body.path("enrolments")) {
            ((ObjectNode) line).put("cpr", Citizens.aged(27)).put("enrolledOn", yesterday);
        }
        return example.withBody(example.contentType(), body.toString());
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("the documented example is not JSON: " + text, e);
        }
    }
}
