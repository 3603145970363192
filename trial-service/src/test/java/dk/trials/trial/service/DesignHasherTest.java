package dk.trials.trial.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.trials.events.trial.TrialDesign;
import dk.trials.trial.TrialDesigns;
import org.junit.jupiter.api.Test;

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
        TrialDesign design = read(TrialDesigns.POWERED_RCT);
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

    private TrialDesign read(String design) throws Exception {
        return json.readValue(design, TrialDesign.class);
    }
}
