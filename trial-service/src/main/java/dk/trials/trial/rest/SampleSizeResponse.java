package dk.trials.trial.rest;

import dk.trials.trial.SampleSize;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Participants and events a trial needs for its primary outcome under its monitoring plan: each of the J arms other
 * than the control compared with the control at α/J, with the plan's inflation factor.
 */
@Schema(name = "SampleSize")
public record SampleSizeResponse(
        @Schema(description = "Cumulative job exit in the control arm at the horizon", examples = "0.3") double controlIncidence,
        @Schema(description = "controlIncidence + minimumDetectableDifference", examples = "0.35") double treatmentIncidence,
        @Schema(description = "Two-sided family-wise level; each comparison is sized at alpha / J", examples = "0.05") double alpha,
        @Schema(examples = "0.8") double power,
        @Schema(description = "Hazard ratio the events are computed for", examples = "1.2078") double hazardRatio,
        @Schema(description = "True when the hazard ratio was derived from the incidences under proportional hazards, "
                + "HR = ln(1 − treatmentIncidence) / ln(1 − controlIncidence)") boolean hazardRatioDerived,
        @Schema(description = "Participants per arm, in proportion to the allocation weights") List<Arm> arms,
        @Schema(description = "Participants in all arms together", examples = "2808") int participants,
        List<Comparison> comparisons,
        @Schema(description = "Events the most demanding comparison needs; the trial's plannedEvents", examples = "899") int events) {

    static SampleSizeResponse of(SampleSize s) {
        return new SampleSizeResponse(s.controlIncidence(), s.treatmentIncidence(), s.alpha(), s.power(), s.hazardRatio(),
                s.hazardRatioDerived(),
                s.arms().stream().map(a -> new Arm(a.arm(), a.allocationWeight(), a.control(), a.participants())).toList(),
                s.participants(),
                s.comparisons().stream().map(c -> new Comparison(c.arm(), c.versus(), c.allocationRatio(),
                        c.armParticipants(), c.versusParticipants(), c.eventsExact(), c.events(), c.alpha(),
                        c.inflationFactor())).toList(),
                s.events());
    }

    /** Participants one arm needs, in proportion to its allocation weight. */
    @Schema(name = "ArmSampleSize")
    public record Arm(
            @Schema(examples = "treatment") String arm,
            @Schema(examples = "1") int allocationWeight,
            boolean control,
            @Schema(description = "Whole participants to enrol in this arm (rounded up)", examples = "1404") int participants) {
    }

    /**
     * What one comparison of an arm with the control arm needs under the plan, unrounded as R reports it, and its events
     * rounded up; with the level and inflation factor it was sized at.
     */
    @Schema(name = "ComparisonSampleSize")
    public record Comparison(
            @Schema(examples = "treatment") String arm,
            @Schema(examples = "control") String versus,
            @Schema(description = "Allocation ratio arm : versus, from the weights", examples = "1.0") double allocationRatio,
            @Schema(description = "Participants the arm needs, unrounded (rpact maxNumberOfSubjects1 for the plan's design)",
                    examples = "1403.319") double armParticipants,
            @Schema(description = "Participants the control arm needs, unrounded (rpact maxNumberOfSubjects2)",
                    examples = "1403.319") double versusParticipants,
            @Schema(description = "Events needed in the two arms together, unrounded (rpact maxNumberOfEvents, Schoenfeld)",
                    examples = "898.26") double eventsExact,
            @Schema(description = "Events needed, rounded up: the comparison's maximum information", examples = "899") int events,
            @Schema(description = "Two-sided level of the comparison, alpha / J; null for a trial opened before sample sizes "
                    + "followed the monitoring plan (sized at alpha, no inflation)", examples = "0.05", nullable = true)
            Double alpha,
            @Schema(description = "The plan's inflation factor at that level (rpact getDesignCharacteristics): the maximum "
                    + "information relative to a single analysis; null as alpha", examples = "1.0196", nullable = true)
            Double inflationFactor) {
    }
}
