package dk.trials.enrolment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.trials.enrolment.service.DecisionLog;
import dk.trials.enrolment.service.allocation.AllocationState;
import dk.trials.enrolment.service.allocation.Draw;
import dk.trials.enrolment.service.allocation.MinimisationAllocator;
import dk.trials.enrolment.service.allocation.PermutedBlockAllocator;
import dk.trials.events.trial.RandomisationMethod;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One allocation in the exported log, with every input needed to replay it. */
@Schema(description = "One allocation with every input needed to replay it",
        requiredProperties = {"enrolmentId", "sequence", "position", "method", "stratum", "levels", "stateBefore",
                "draws", "arm", "decidedAt"})
public record AllocationLogEntry(
        UUID enrolmentId,
        @Schema(nullable = true, description = "The allocation sequence (a stratum, or * for a minimised trial); "
                + "null for simple randomisation, which keeps no state", examples = "jobcentre=101|ageBand=25-29")
        String sequence,
        @Schema(description = "1, 2, 3, … within the sequence; 0 for simple randomisation") long position,
        RandomisationMethod method,
        String stratum,
        @Schema(description = "The participant's factor levels, in the design's order") List<String> levels,
        State stateBefore,
        @Schema(description = "The random draws, in the order the allocation made them") List<RecordedDraw> draws,
        String arm,
        Instant decidedAt) {

    /**
     * The state the allocation read, one shape per method: a stratum's block (permuted blocks), the marginal counts
     * of the participant's levels (minimisation), nothing (simple randomisation). Fields of other methods are left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AllocationState", description = "The state an allocation read: block, position and blockNumber "
            + "for PERMUTED_BLOCK; counts for MINIMISATION; nothing for SIMPLE")
    public record State(
            @Schema(description = "PERMUTED_BLOCK: the stratum's current block of arm codes, empty before the first")
            List<String> block,
            @Schema(description = "PERMUTED_BLOCK: the next position in the block, 0-based") Integer position,
            @Schema(description = "PERMUTED_BLOCK: how many blocks the stratum has begun") Integer blockNumber,
            @Schema(description = "MINIMISATION: allocations so far by factor level and arm code")
            Map<String, Map<String, Integer>> counts) {

        static State of(AllocationState state) {
            if (state instanceof PermutedBlockAllocator.BlockState block) {
                return new State(block.block(), block.position(), block.blockNumber(), null);
            }
            if (state instanceof MinimisationAllocator.MarginalCounts marginal) {
                return new State(null, null, null, marginal.counts());
            }
            return new State(null, null, null, null);
        }
    }

    @Schema(name = "AllocationDraw", description = "One random draw: an integer below bound, or for bound 0 a uniform "
            + "number in [0, 1)", requiredProperties = {"bound", "value"})
    public record RecordedDraw(int bound, double value) {
    }

    static AllocationLogEntry from(DecisionLog.Decision d) {
        return new AllocationLogEntry(d.enrolmentId(), d.sequence(), d.position(), d.method(), d.stratum(), d.levels(),
                State.of(d.stateBefore()), d.draws().stream().map(AllocationLogEntry::draw).toList(), d.arm(),
                d.decidedAt());
    }

    private static RecordedDraw draw(Draw draw) {
        return new RecordedDraw(draw.bound(), draw.value());
    }
}
