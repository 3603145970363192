package dk.trials.enrolment.security;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.ApiOperation;
import dk.trials.testing.OpenApiFuzzer;
import dk.trials.testing.RowCounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 2,000 hostile variations of the documented requests (seeded, the same seed on every run so that CI is repeatable; {@code -Dtrials.fuzz.seed=N} tries another). Its running time is printed, never asserted: a shared machine is too noisy for that: none
 * answers 5xx, every 4xx is problem+json, none echoes a CPR number, and a refused one changes no row of any table but
 * the screening log.
 */
@QuarkusTest
class FuzzTest {

    private static final int REQUESTS = 2_000;

    @Inject
    EventCodec codec;

    @Test
    void noMutationOfADocumentedRequestBreaksTheRulesForBadInput() {
        long seed = Long.getLong("trials.fuzz.seed", 20261201L);
        System.out.println("Fuzz seed " + seed + " (repeat with -Dtrials.fuzz.seed=" + seed + ")");
        Map<ApiOperation, String> tokens = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        // A citizen found not eligible is counted for the trial's CONSORT flow: the one row a refusal is made to write.
        try (RowCounts rows = RowCounts.of("enrolments", "eligibility_screening")) {
            OpenApiFuzzer fuzzer = new OpenApiFuzzer(ApiOperation.servedDocument(), seed, rows);
            List<String> findings = fuzzer.run(new DocumentedRequests(codec)::forFreshTrial,
                    operation -> tokens.computeIfAbsent(operation, o -> o.allowedToken(DocumentedRequests.OWN)), REQUESTS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.println("Fuzz: " + fuzzer.sent() + " requests in " + took.toSeconds() + " s: "
                    + new TreeMap<>(fuzzer.statuses()) + "\ntime per operation (ms): " + new TreeMap<>(fuzzer.milliseconds())
                    + "\nslowest:\n  " + String.join("\n  ", fuzzer.slowest())
                    + "\naccepted:\n  " + String.join("\n  ", fuzzer.accepted()));

            assertEquals(List.of(), findings, "seed " + seed);
            assertEquals(REQUESTS, fuzzer.sent());
        }
    }
}
