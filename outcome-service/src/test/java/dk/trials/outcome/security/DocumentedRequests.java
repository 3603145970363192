package dk.trials.outcome.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trials.outcome.Events;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.ApiOperation;
import dk.trials.testing.ApiRequest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Each operation's documented example made concrete: a recruiting trial (jobcentres 101, 147, 461 and 751) with one
 * participant of jobcentre 101, outcomes naming that participant by enrolment id on today's date, and dates the
 * trial accepts; everything else as the OpenAPI document shows it.
 */
final class DocumentedRequests {

    static final String OWN = "101";
    static final String OTHER = "147";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventCodec codec;
    private int sourceIds;

    DocumentedRequests(EventCodec codec) {
        this.codec = codec;
    }

    /** A trial opened for this request alone, with one participant of jobcentre 101 enrolled ten days ago. */
    ApiRequest forFreshTrial(ApiOperation operation) {
        LocalDate today = LocalDate.now(TrialsClock.ZONE);
        UUID trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), 400);
        UUID enrolmentId = UUID.randomUUID();
        Events.enrol(codec, Events.enrolled(trialId, enrolmentId, "participant-" + enrolmentId, "treatment", OWN,
                today.minusDays(10)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.participants(trialId) == 1);

        ApiRequest example = ApiRequest.example(operation, Map.of("trialId", trialId.toString(), "look", "1",
                "topic", "enrolment-events.outcome-service.dlq", "partition", "0", "offset", "0",
                "uploadId", "dream-2027w09"));
        if (example.query().containsKey("asOf")) {
            example = example.withQuery("asOf", today.toString());
        }
        if (example.body() == null) {
            return example;
        }
        List<String> lines = new ArrayList<>();
        for (String line : example.bodyText().split("\n")) {
            ObjectNode body = (ObjectNode) read(line);
            if (body.has("cpr") || body.has("enrolmentId")) {
                body.remove("cpr");
                body.put("enrolmentId", enrolmentId.toString());
            }
            if (body.has("occurredOn")) {
                body.put("occurredOn", today.toString());
            }
            if (body.has("sourceId")) {
                body.put("sourceId", "documented-" + trialId + "-" + ++sourceIds);
            }
            if (body.has("cutDate")) {
                body.put("cutDate", today.minusDays(1).toString());
            }
            lines.add(body.toString());
        }
        String text = ApiRequest.isJson(example.contentType()) ? lines.get(0) : String.join("\n", lines) + "\n";
        return example.withBody(example.contentType(), text);
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("the documented example is not JSON: " + text, e);
        }
    }
}
