package dk.trials.trial.service.power;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Participants and events a trial needs for its primary outcome. Each arm other than the control is compared with
 * the control at the given two-sided alpha (no multiplicity adjustment: pass an adjusted alpha for that).
 */
@Schema(name = "SampleSize")
public record SampleSize(
        @Schema(description = "Cumulative job exit in the control arm at the horizon", examples = "0.3") double controlIncidence,
        @Schema(description = "controlIncidence + minimumDetectableDifference", examples = "0.35") double treatmentIncidence,
        @Schema(examples = "0.05") double alpha,
        @Schema(examples = "0.8") double power,
        @Schema(description = "Hazard ratio the events are computed for", examples = "1.2058") double hazardRatio,
        @Schema(description = "True when the hazard ratio was derived from the incidences under proportional hazards, "
                + "HR = ln(1 − treatmentIncidence) / ln(1 − controlIncidence)") boolean hazardRatioDerived,
        @Schema(description = "Participants per arm, in proportion to the allocation weights") List<ArmSampleSize> arms,
        @Schema(description = "Participants in all arms together", examples = "2754") int participants,
        List<ComparisonSampleSize> comparisons,
        @Schema(description = "Events the most demanding comparison needs; the trial's plannedEvents", examples = "629") int events) {
}
