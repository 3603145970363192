package dk.trials.platform.security;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CprLookupsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CprLookups lookups = new CprLookups(registry);

    private double count(String reason) {
        return registry.get("trials.cpr.lookups.refused").tag("reason", reason).counter().count();
    }

    @Test
    void the_known_reasons_exist_at_zero_before_any_refusal() {
        assertEquals(0, count(CprLookups.ENROLLED_ELSEWHERE));
        assertEquals(0, count(CprLookups.NOT_OWN_PARTICIPANT));
    }

    @Test
    void each_refusal_counts_once_under_its_reason() {
        lookups.refused(CprLookups.ENROLLED_ELSEWHERE);
        lookups.refused(CprLookups.ENROLLED_ELSEWHERE);
        lookups.refused(CprLookups.NOT_OWN_PARTICIPANT);

        assertEquals(2, count(CprLookups.ENROLLED_ELSEWHERE));
        assertEquals(1, count(CprLookups.NOT_OWN_PARTICIPANT));
    }
}
