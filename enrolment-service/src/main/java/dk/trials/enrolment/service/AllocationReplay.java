package dk.trials.enrolment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.enrolment.AllocationDecision;
import dk.trials.enrolment.service.allocation.Allocation;
import dk.trials.enrolment.service.allocation.AllocationState;
import dk.trials.enrolment.service.allocation.Allocator;
import dk.trials.enrolment.service.allocation.Draw;
import dk.trials.enrolment.service.allocation.ReplayMismatchException;
import dk.trials.enrolment.service.allocation.ReplayedDraws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Replays a decision log the way an auditor would. Each allocation sequence (a stratum's blocks, a minimised trial's
 * counts) is rebuilt from its initial state, decision by decision in the order they were made: the state recorded
 * before each decision must equal the replayed state, the recorded draws must drive the allocation function down the
 * same path, and the arm must come out the same. A gap in a sequence, a doctored state, draw or arm, all show.
 */
public final class AllocationReplay {

    private final ObjectMapper json;

    public AllocationReplay(ObjectMapper json) {
        this.json = json;
    }

    /** {@code decisions} in log order: by sequence, then by position within it. */
    public <S extends AllocationState> ReplayReport replay(UUID trialId, Allocator<S> allocator, List<AllocationDecision> decisions) {
        Map<String, List<AllocationDecision>> sequences = new LinkedHashMap<>();
        for (AllocationDecision d : decisions) {
            sequences.computeIfAbsent(Objects.toString(d.lockKey, ""), k -> new ArrayList<>()).add(d);
        }
        List<ReplayReport.Mismatch> mismatches = new ArrayList<>();
        for (List<AllocationDecision> sequence : sequences.values()) {
            S state = allocator.initialState();
            long expected = 1;
            for (AllocationDecision d : sequence) {
                String problem = null;
                if (allocator.method() != d.method) {
                    problem = "recorded method " + d.method + " is not the design's " + allocator.method();
                } else if (d.lockKey != null && d.position != expected) {
                    problem = "expected position " + expected + " in the sequence, the log has " + d.position;
                } else if (!json.valueToTree(allocator.relevantTo(state, d.levels)).equals(d.stateBefore)) {
                    problem = "the recorded state before the allocation differs from the replayed state";
                }
                try {
                    ReplayedDraws draws = new ReplayedDraws(draws(d.draws));
                    Allocation<S> replayed = allocator.allocate(d.lockKey == null ? allocator.initialState() : state,
                            d.levels, draws);
                    if (problem == null && !replayed.arm().equals(d.arm)) {
                        problem = "the recorded draws give another arm than the one recorded";
                    } else if (problem == null && !draws.exhausted()) {
                        problem = "the allocation used fewer draws than were recorded";
                    }
                    state = d.lockKey == null ? state : replayed.after();
                } catch (ReplayMismatchException e) {
                    problem = problem == null ? e.getMessage() : problem;
                }
                if (problem != null) {
                    mismatches.add(new ReplayReport.Mismatch(d.enrolmentId, d.lockKey, d.position, problem));
                }
                expected = d.position + 1;
            }
        }
        return new ReplayReport(trialId, decisions.size(), decisions.size() - mismatches.size(), mismatches);
    }

    /** The draws as recorded; {@link ReplayMismatchException} if they cannot be read. */
    List<Draw> draws(JsonNode recorded) {
        try {
            return List.of(json.treeToValue(recorded, Draw[].class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ReplayMismatchException("the recorded draws cannot be read");
        }
    }
}
