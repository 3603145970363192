package dk.trials.outcome.rest;

import dk.trials.events.trial.TrialStatus;
import dk.trials.outcome.service.TrialOverview;
import dk.trials.sequential.SampleRatioMismatch;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every trial outcome-service knows, with its recruitment, sample-ratio check and flow of participants by arm. */
@Schema(description = "Every trial outcome-service knows, most recently started first")
public record TrialListResponse(List<TrialSummary> trials) {

    static TrialListResponse of(List<TrialOverview> overviews) {
        return new TrialListResponse(overviews.stream().map(TrialSummary::of).toList());
    }

    @Schema(name = "TrialSummary", description = "A trial's status, recruitment and flow as outcome-service holds them")
    public record TrialSummary(
            UUID trialId,
            TrialStatus status,
            @Schema(description = "The arms in design order") List<String> arms,
            String controlArm,
            @Schema(description = "The primary outcome's horizon in days") int horizonDays,
            @Schema(description = "Participants allocated, withdrawn ones included (intention to treat)") long participants,
            @Schema(description = "Participants by arm, trial-wide") Map<String, Long> byArm,
            @Schema(description = "Whether arm counts by jobcentre are withheld: while the trial can still enrol "
                    + "(RECRUITING, PAUSED) they could reveal a jobcentre's next allocation") boolean armCountsByJobcentreConcealed,
            @Schema(description = "Recruitment by enrolling jobcentre, by code") List<JobcentreRecruitment> byJobcentre,
            SampleRatio sampleRatioMismatch,
            @Schema(description = "The participants of each arm from allocation to analysis (CONSORT, from allocation on)")
            List<ArmFlow> flow,
            @Schema(nullable = true, description = "The CONSORT flow before allocation, as enrolment-service last "
                    + "counted it; null until its first count reaches outcome-service")
            Screening screening) {

        static TrialSummary of(TrialOverview o) {
            return new TrialSummary(o.trialId(), o.status(), o.arms(), o.controlArm(), o.horizonDays(), o.participants(),
                    o.byArm(), o.armCountsByJobcentreConcealed(),
                    o.byJobcentre().stream().map(j -> new JobcentreRecruitment(j.jobcentre(), j.participants(), j.byArm()))
                            .toList(),
                    SampleRatio.of(o.sampleRatio()),
                    o.flow().stream().map(f -> new ArmFlow(f.arm(), f.allocated(), f.withdrawn(), f.jobExits(),
                            f.censored(), f.analysed())).toList(),
                    o.screening() == null ? null : Screening.of(o.screening()));
        }
    }

    @Schema(name = "TrialJobcentreRecruitment", description = "A jobcentre's participants")
    public record JobcentreRecruitment(
            String jobcentre,
            long participants,
            @Schema(description = "By arm; null while arm counts by jobcentre are concealed", nullable = true)
            Map<String, Long> byArm) {
    }

    @Schema(name = "TrialSampleRatio", description = "Pearson's chi-square of the participants per arm against the "
            + "allocation weights, flagged at p < threshold; not tested while an expected count is below 5")
    public record SampleRatio(
            @Schema(nullable = true, description = "Null with fewer than two arms or no participants") Double chiSquare,
            @Schema(nullable = true) Integer degreesOfFreedom,
            @Schema(nullable = true) Double pValue,
            double threshold,
            boolean testable,
            boolean flagged) {

        static SampleRatio of(SampleRatioMismatch c) {
            return new SampleRatio(c.chiSquare(), c.degreesOfFreedom(), c.pValue(), c.threshold(), c.testable(), c.flagged());
        }
    }

    @Schema(name = "TrialScreening", description = "Citizens assessed for eligibility and excluded, with reasons, as "
            + "enrolment-service counted them at countedAt (each citizen once, however often a jobcentre asked; one "
            + "enrolled later is not excluded). Counts only")
    public record Screening(
            @Schema(description = "Allocated and excluded citizens at countedAt") long assessed,
            @Schema(description = "Citizens found not eligible and not enrolled") long excluded,
            @Schema(description = "The excluded by criterion failed in their latest refusal: ENROLMENT_PERIOD, "
                    + "BENEFIT_TYPE, UNEMPLOYMENT_DURATION, AGE. A citizen failing several counts under each, so these "
                    + "may add up to more than excluded; a reason no one failed is left out",
                    example = "{\"AGE\": 120, \"BENEFIT_TYPE\": 80}")
            Map<String, Long> excludedByReason,
            Instant countedAt) {

        static Screening of(TrialOverview.Screening s) {
            return new Screening(s.assessed(), s.excluded(), s.excludedByReason(), s.countedAt());
        }
    }

    @Schema(name = "TrialArmFlow", description = "One arm from allocation to analysis, intention to treat")
    public record ArmFlow(
            String arm,
            long allocated,
            @Schema(description = "Withdrawn from the intervention; still followed and analysed") long withdrawn,
            @Schema(description = "Follow-up ended by a job exit within the horizon: the estimates' events") long jobExits,
            @Schema(description = "Follow-up ended within the horizon by emigration, death or loss to follow-up") long censored,
            @Schema(description = "Analysed: every allocated participant") long analysed) {
    }
}
