package dk.trials.trial.service.power;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one comparison of an arm with the control arm needs, unrounded as R reports it, and its events rounded up. */
@Schema(name = "ComparisonSampleSize")
public record ComparisonSampleSize(
        @Schema(examples = "treatment") String arm,
        @Schema(examples = "control") String versus,
        @Schema(description = "Allocation ratio arm : versus, from the weights", examples = "1.0") double allocationRatio,
        @Schema(description = "Participants the arm needs, unrounded (rpact numberOfSubjects1)", examples = "1376.2989")
        double armParticipants,
        @Schema(description = "Participants the control arm needs, unrounded (rpact numberOfSubjects2)", examples = "1376.2989")
        double versusParticipants,
        @Schema(description = "Events needed in the two arms together, unrounded (Schoenfeld)", examples = "628.87")
        double eventsExact,
        @Schema(description = "Events needed, rounded up", examples = "629") int events) {
}
