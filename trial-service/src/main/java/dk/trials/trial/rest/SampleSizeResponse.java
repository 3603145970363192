package dk.trials.trial.rest;

import dk.trials.trial.SampleSize;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Participants and events a trial needs for its primary outcome. Each arm other than the control is compared with
 * the control at the given two-sided alpha (no multiplicity adjustment: pass an adjusted alpha for that).
 */
@Schema(name = "SampleSize")
public record SampleSizeResponse(
        @Schema(description = "Cumulative job exit in the control arm at the horizon", examples = "0.3") double controlIncidence,
        @Schema(description = "controlIncidence + minimumDetectableDifference", examples = "0.35") double treatmentIncidence,
        @Schema(examples = "0.05") double alpha,
        @Schema(examples = "0.8") double power,
        @Schema(description = "Hazard ratio the events are computed for", examples = "1.2078") double hazardRatio,
        @Schema(description = "True when the hazard ratio was derived from the incidences under proportional hazards, "
                + "HR = ln(1 − treatmentIncidence) / ln(1 − controlIncidence)") boolean hazardRatioDerived,
        @Schema(description = "Participants per arm, in proportion to the allocation weights") List<Arm> arms,
        @Schema(description = "Participants in all arms together", examples = "2754") int participants,
        List<Comparison> comparisons,
        @Schema(description = "Events the most demanding comparison needs; the trial's plannedEvents", examples = "881") int events) {

    static SampleSizeResponse of(SampleSize s) {
        return new SampleSizeResponse(s.controlIncidence(), s.treatmentIncidence(), s.alpha(), s.power(), s.hazardRatio(),
                s.hazardRatioDerived(),
                s.arms().stream().map(a -> new Arm(a.arm(), a.allocationWeight(), a.control(), a.participants())).toList(),
                s.participants(),
                s.comparisons().stream().map(c -> new Comparison(c.arm(), c.versus(), c.allocationRatio(),
                        c.armParticipants(), c.versusParticipants(), c.eventsExact(), c.events())).toList(),
                s.events());
    }

    /** Participants one arm needs, in proportion to its allocation weight. */
    @Schema(name = "ArmSampleSize")
    public record Arm(
            @Schema(examples = "treatment") String arm,
            @Schema(examples = "1") int allocationWeight,
            boolean control,
            @Schema(description = "Whole participants to enrol in this arm (rounded up)", examples = "1377") int participants) {
    }

    /** What one comparison of an arm with the control arm needs, unrounded as R reports it, and its events rounded up. */
    @Schema(name = "ComparisonSampleSize")
    public record Comparison(
            @Schema(examples = "treatment") String arm,
            @Schema(examples = "control") String versus,
            @Schema(description = "Allocation ratio arm : versus, from the weights", examples = "1.0") double allocationRatio,
            @Schema(description = "Participants the arm needs, unrounded (rpact numberOfSubjects1)", examples = "1376.2989")
            double armParticipants,
            @Schema(description = "Participants the control arm needs, unrounded (rpact numberOfSubjects2)", examples = "1376.2989")
            double versusParticipants,
            @Schema(description = "Events needed in the two arms together, unrounded (Schoenfeld)", examples = "880.96")
            double eventsExact,
            @Schema(description = "Events needed, rounded up", examples = "881") int events) {
    }
}
