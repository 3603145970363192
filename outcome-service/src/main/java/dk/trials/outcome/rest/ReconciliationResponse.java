package dk.trials.outcome.rest;

import dk.trials.outcome.TrialReconciliation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The latest check of a trial's participants against enrolment-service's allocation checkpoint. */
@Schema(description = "The latest check of the trial's participants against enrolment-service's allocation checkpoint")
public record ReconciliationResponse(
        UUID trialId,
        @Schema(description = "Whether outcome-service counts exactly what the checkpoint counts") boolean consistent,
        Instant checkedAt,
        Checkpoint checkpoint,
        Counted counted,
        Missing missing,
        Extra extra) {

    @Schema(name = "ReconciliationCheckpoint", description = "The checkpoint as enrolment-service published it")
    public record Checkpoint(
            @Schema(description = "Enrolments numbered 1 to this one within the trial are compared") long upToSequence,
            Instant publishedAt,
            @Schema(description = "Allocations per arm; an arm without any is left out") Map<String, Long> allocatedPerArm,
            long withdrawn) {
    }

    @Schema(name = "ReconciliationCounted", description = "outcome-service's participants up to the same number")
    public record Counted(
            Map<String, Long> perArm,
            long withdrawn,
            @Schema(description = "Participants whose enrolment event carried no number (enrolled before numbers "
                    + "existed): counted under every checkpoint; while there are any, missing ones are not named")
            long unsequenced) {
    }

    @Schema(name = "ReconciliationMissing", description = "Enrolments the checkpoint counts that outcome-service does "
            + "not hold; named by enrolment number, as outcome-service never learned their enrolment ids")
    public record Missing(long count,
                          @Schema(description = "The first 100 missing enrolment numbers") List<Long> sequences) {
    }

    @Schema(name = "ReconciliationExtra", description = "Participants outcome-service holds that enrolment-service "
            + "cannot have allocated: a second one with the same enrolment number, or one in an arm with no allocation")
    public record Extra(long count,
                        @Schema(description = "The first 100 of them") List<UUID> enrolmentIds) {
    }

    static ReconciliationResponse of(TrialReconciliation r) {
        return new ReconciliationResponse(r.trialId, r.consistent, r.checkedAt,
                new Checkpoint(r.upToSequence, r.publishedAt, r.expectedPerArm, r.expectedWithdrawn),
                new Counted(r.countedPerArm, r.countedWithdrawn, r.unsequenced),
                new Missing(r.missingCount, r.missingSequences), new Extra(r.extraCount, r.extraEnrolments));
    }
}
