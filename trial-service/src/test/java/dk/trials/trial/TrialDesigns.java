package dk.trials.trial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Designs to send in tests, as JSON text, the way clients send them, and variations of them. */
public final class TrialDesigns {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String RCT = """
            {
              "title": "Early intensive contact for young dagpenge recipients",
              "type": "RCT",
              "targetGroup": "DAGPENGE",
              "arms": [
                {"code": "treatment", "name": "Intensive contact", "allocationWeight": 1},
                {"code": "control", "name": "Ordinary effort", "allocationWeight": 1, "control": true}
              ],
              "randomisation": {"method": "PERMUTED_BLOCK", "blockSizes": [4, 6], "stratifyBy": ["jobcentre", "ageBand"], "ageBands": [18, 25, 30]},
              "eligibility": {"benefitTypes": ["DAGPENGE"], "minAge": 18, "maxAge": 29, "maxWeeksUnemployed": 52},
              "jobcentres": ["101", "147", "751"],
              "primaryOutcome": {"type": "JOB_EXIT", "horizonWeeks": 26},
              "plannedParticipants": 2000,
              "enrolmentPeriod": {"start": "2027-01-01", "end": "2027-12-31"}
            }""";

    /** A non-randomised design: everyone is enrolled into its one intervention arm. */
    public static final String PILOT = """
            {
              "title": "Job rotation pilot in Aarhus",
              "type": "KNOWLEDGE_PILOT",
              "targetGroup": "KONTANTHJAELP",
              "arms": [{"code": "rotation", "name": "Job rotation", "allocationWeight": 1}],
              "randomisation": {"method": "SIMPLE"},
              "eligibility": {"benefitTypes": ["KONTANTHJAELP"], "minAge": 30},
              "jobcentres": ["751"],
              "primaryOutcome": {"type": "JOB_EXIT", "horizonWeeks": 52},
              "plannedParticipants": 300,
              "enrolmentPeriod": {"start": "2027-02-01", "end": "2027-07-31"}
            }""";

    /** The RCT powered for 30 % → 35 % job exit at 26 weeks, alpha 0.05, power 0.8. */
    public static final String POWERED_RCT = rct(d -> d.set("power", object(
            "{\"baselineIncidence\": 0.30, \"minimumDetectableDifference\": 0.05, \"alpha\": 0.05, \"power\": 0.8}")));

    private TrialDesigns() {
    }

    /** The RCT with a change made to it. */
    public static String rct(Consumer<ObjectNode> change) {
        return changed(RCT, change);
    }

    /** The pilot with a change made to it. */
    public static String pilot(Consumer<ObjectNode> change) {
        return changed(PILOT, change);
    }

    public static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String changed(String design, Consumer<ObjectNode> change) {
        ObjectNode node = object(design);
        change.accept(node);
        return node.toString();
    }
}
