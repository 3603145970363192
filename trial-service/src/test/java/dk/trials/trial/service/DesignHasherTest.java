package dk.trials.trial.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.trials.trial.Design;
import dk.trials.trial.TrialDesigns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The design hash depends on the design only, and anyone can recompute it from the canonical JSON. */
class DesignHasherTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final DesignHasher hasher = new DesignHasher();

    @Test
    void theOrderInWhichAClientSentTheFieldsDoesNotMatter() throws Exception {
        ObjectNode sent = TrialDesigns.object(TrialDesigns.POWERED_RCT);
        ObjectNode reversed = json.createObjectNode();
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = sent.fieldNames(); it.hasNext(); ) {
            names.add(0, it.next());
        }
        names.forEach(name -> reversed.set(name, sent.get(name)));

        assertEquals(hasher.hash(read(sent.toString())), hasher.hash(read(reversed.toString())));
    }

    @Test
    void theHashIsTheSha256OfTheSortedCompactJson() throws Exception {
        Design design = read(TrialDesigns.POWERED_RCT);
        String canonical = hasher.canonicalJson(design);
        assertTrue(canonical.startsWith("{\"arms\":[{\"allocationWeight\":1,\"code\":\"treatment\""), canonical);
        assertTrue(canonical.contains("\"enrolmentPeriod\":{\"end\":\"2027-12-31\",\"start\":\"2027-01-01\"}"), canonical);
        String recomputed = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertEquals(recomputed, hasher.hash(design));
    }

    @Test
    void anyChangeToTheDesignChangesTheHash() throws Exception {
        String base = hasher.hash(read(TrialDesigns.RCT));
        assertNotEquals(base, hasher.hash(read(TrialDesigns.rct(d -> d.put("plannedParticipants", 2001)))));
        assertNotEquals(base, hasher.hash(read(TrialDesigns.rct(d -> d.putArray("jobcentres").add("101").add("147")))));
    }

    /**
     * Hashes recorded before the design had its own type (when the event record was hashed): the same design must
     * keep its hash, or every opened trial's audit trail and published hash would stop matching its design.
     */
    @ParameterizedTest(name = "{0} keeps its hash")
    @CsvSource({
            "RCT, 5603b9bb75c57e53da1a8cc9e54dcf8ba751702cb60007dd3b439eebb2862f8b",
            "POWERED_RCT, e511c0273cb01d56cd7a6e1b3188b0e18a4accf684bc7f228c08f5ce6ac0c959",
            "PILOT, c86832f0af7c44c4cc53ce7d247627281b97467871c47196dca4531049866f84"})
    void anIdenticalDesignKeepsTheHashItHadBefore(String name, String hash) throws Exception {
        String design = switch (name) {
            case "RCT" -> TrialDesigns.RCT;
            case "POWERED_RCT" -> TrialDesigns.POWERED_RCT;
            default -> TrialDesigns.PILOT;
        };
        assertEquals(hash, hasher.hash(read(design)));
    }

    @Test
    void absentPartsAreNullsInTheCanonicalJson() throws Exception {
        assertEquals("{\"arms\":[{\"allocationWeight\":1,\"code\":\"rotation\",\"control\":false,\"name\":\"Job rotation\"}],"
                        + "\"eligibility\":{\"benefitTypes\":[\"KONTANTHJAELP\"],\"maxAge\":null,\"maxWeeksUnemployed\":null,\"minAge\":30},"
                        + "\"enrolmentPeriod\":{\"end\":\"2027-07-31\",\"start\":\"2027-02-01\"},\"jobcentres\":[\"751\"],"
                        + "\"plannedParticipants\":300,\"power\":null,\"primaryOutcome\":{\"horizonWeeks\":52,\"type\":\"JOB_EXIT\"},"
                        + "\"randomisation\":{\"ageBands\":null,\"blockSizes\":null,\"method\":\"SIMPLE\",\"minimisationFactors\":null,"
                        + "\"minimisationProbability\":null,\"stratifyBy\":null},\"targetGroup\":\"KONTANTHJAELP\","
                        + "\"title\":\"Job rotation pilot in Aarhus\",\"type\":\"KNOWLEDGE_PILOT\"}",
                hasher.canonicalJson(read(TrialDesigns.PILOT)));
    }

    @Test
    void aPlanIsHashedWithTheDesignAndANullPlanIsLeftOutSoOlderDesignsKeepTheirHashes() throws Exception {
        Design without = read(TrialDesigns.POWERED_RCT);
        Design with = without.withMonitoringPlan(Design.MonitoringPlan.defaults());

        assertTrue(!hasher.canonicalJson(without).contains("monitoringPlan"), hasher.canonicalJson(without));
        assertTrue(hasher.canonicalJson(with).contains("\"monitoringPlan\":{\"futility\":null,"
                + "\"informationFractions\":[0.5,0.75,1.0],\"lookTime\":\"06:00:00\",\"reportingLagDays\":14,"
                + "\"spending\":{\"family\":\"asOF\",\"gamma\":null}},"), hasher.canonicalJson(with));
        assertNotEquals(hasher.hash(without), hasher.hash(with));
        assertNotEquals(hasher.hash(with), hasher.hash(with.withMonitoringPlan(
                Design.MonitoringPlan.defaults().withReportingLagDays(7))));
    }

    private Design read(String design) throws Exception {
        return json.readValue(design, Design.class);
    }
}
