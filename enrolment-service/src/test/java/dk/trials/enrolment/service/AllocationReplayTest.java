package dk.trials.enrolment.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trials.enrolment.AllocationDecision;
import dk.trials.enrolment.TrialDocument;
import dk.trials.enrolment.service.allocation.Allocation;
import dk.trials.enrolment.service.allocation.AllocationState;
import dk.trials.enrolment.service.allocation.Allocator;
import dk.trials.enrolment.service.allocation.MinimisationAllocator;
import dk.trials.enrolment.service.allocation.PermutedBlockAllocator;
import dk.trials.enrolment.service.allocation.RecordingDraws;
import dk.trials.enrolment.service.allocation.SimpleAllocator;
import dk.trials.enrolment.service.allocation.WeightedArms;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay check on logs made the way the randomiser makes them: live draws from SecureRandom, recorded. */
class AllocationReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final WeightedArms ARMS = new WeightedArms(List.of(
            new TrialDocument.Arm("treatment", 2), new TrialDocument.Arm("control", 1)));
    private final AllocationReplay replay = new AllocationReplay(JSON);

    /** Allocates {@code n} participants as the randomiser does, keeping a decision per allocation, in log order. */
    static <S extends AllocationState> List<AllocationDecision> log(Allocator<S> allocator, int n) {
        SecureRandom random = new SecureRandom();
        Random arrivals = new Random(1);
        Map<String, S> states = new HashMap<>();
        Map<String, Long> positions = new HashMap<>();
        List<AllocationDecision> log = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> levels = List.of("jobcentre=" + (101 + arrivals.nextInt(3)), "gender=" + (arrivals.nextBoolean() ? "F" : "M"));
            String stratum = StratumKey.stratum(levels);
            String key = allocator.lockKey(stratum).orElse(null);
            S before = key == null ? allocator.initialState() : states.getOrDefault(key, allocator.initialState());
            RecordingDraws draws = new RecordingDraws(random);
            Allocation<S> allocation = allocator.allocate(before, levels, draws);
            AllocationDecision d = new AllocationDecision();
            d.enrolmentId = UUID.randomUUID();
            d.lockKey = key;
            d.position = key == null ? 0 : positions.merge(key, 1L, Long::sum);
            d.method = allocator.method();
            d.stratum = stratum;
            d.levels = levels;
            d.stateBefore = JSON.valueToTree(allocator.relevantTo(before, levels));
            d.draws = JSON.valueToTree(draws.drawn());
            d.arm = allocation.arm();
            d.decidedAt = Instant.now();
            log.add(d);
            if (key != null) {
                states.put(key, allocation.after());
            }
        }
        log.sort(Comparator.comparing((AllocationDecision d) -> Objects.toString(d.lockKey, "")).thenComparingLong(d -> d.position));
        return log;
    }

    @Test
    void aRecordedSequenceOfEachMethodIsReproduced() {
        for (Allocator<?> allocator : List.of(new SimpleAllocator(ARMS), new PermutedBlockAllocator(ARMS, List.of(3, 6)),
                new MinimisationAllocator(ARMS, 0.8))) {
            ReplayReport report = replay.replay(UUID.randomUUID(), allocator, log(allocator, 500));
            assertEquals(500, report.checked(), allocator.method().name());
            assertEquals(500, report.reproduced(), allocator.method() + ": " + report.mismatches());
        }
    }

    @Test
    void aDoctoredArmIsTheOneMismatch() {
        var allocator = new PermutedBlockAllocator(ARMS, List.of(3, 6));
        List<AllocationDecision> log = log(allocator, 300);
        AllocationDecision doctored = log.get(137);
        doctored.arm = doctored.arm.equals("treatment") ? "control" : "treatment";

        ReplayReport report = replay.replay(UUID.randomUUID(), allocator, log);

        assertEquals(299, report.reproduced());
        assertEquals(doctored.enrolmentId, report.mismatches().get(0).enrolmentId());
        assertTrue(report.mismatches().get(0).reason().contains("another arm"));
    }

    @Test
    void aDoctoredDrawARemovedDecisionOrADoctoredStateIsFound() {
        var allocator = new MinimisationAllocator(ARMS, 0.8);
        List<AllocationDecision> log = log(allocator, 200);
        ((ObjectNode) log.get(10).draws.get(0)).set("bound", IntNode.valueOf(99));
        log.remove(50);
        ObjectNode counts = (ObjectNode) log.get(120).stateBefore.get("counts").elements().next();
        counts.put("control", counts.get("control").asInt() + 1);

        ReplayReport report = replay.replay(UUID.randomUUID(), allocator, log);

        assertTrue(report.mismatches().stream().anyMatch(m -> m.position() == 11 && m.reason().contains("integer below")));
        assertTrue(report.mismatches().stream().anyMatch(m -> m.position() == 52 && m.reason().contains("expected position 51")));
        assertTrue(report.mismatches().stream().anyMatch(m -> m.reason().contains("recorded state")));
    }
}
