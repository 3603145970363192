package dk.trials.enrolment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.trials.enrolment.service.Recruitment;
import dk.trials.sequential.SampleRatioMismatch;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.TrialStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recruitment so far. {@code byArm} is left out ({@code armCountsConcealed}) where arm counts could reveal upcoming
 * allocations: per stratum and per jobcentre while the trial can still enrol, and everywhere for block and minimisation
 * designs while it can still enrol.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Participants by arm, jobcentre and stratum, with the sample-ratio-mismatch check",
        requiredProperties = {"trialId", "status", "method", "participants", "withdrawn", "imported",
                "armCountsConcealed", "sampleRatioMismatch", "byJobcentre", "byStratum"})
public record RecruitmentView(UUID trialId, TrialStatus status, RandomisationMethod method, long participants,
                              long withdrawn, long imported, boolean armCountsConcealed,
                              @Schema(description = "Participants by arm code; left out while arm counts are concealed")
                              Map<String, Long> byArm,
                              SampleRatioCheck sampleRatioMismatch, List<Group> byJobcentre, List<Group> byStratum) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RecruitmentGroup", description = "The participants of one jobcentre or stratum",
            requiredProperties = {"key", "participants"})
    public record Group(@Schema(description = "The jobcentre's code, or the stratum", examples = "jobcentre=101|ageBand=18-24")
                        String key,
                        long participants,
                        @Schema(description = "Participants by arm code; left out while arm counts are concealed")
                        Map<String, Long> byArm,
                        @Schema(description = "Per stratum only") SampleRatioCheck sampleRatioMismatch) {
    }

    /** Pearson's chi-square of the arm counts against the allocation weights; the statistic is left out where concealed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SampleRatioMismatch", description = "Chi-square check of arm counts against the allocation weights; "
            + "chiSquare, degreesOfFreedom and pValue are left out while concealed or where there is nothing to test",
            requiredProperties = {"threshold", "testable", "flagged"})
    public record SampleRatioCheck(Double chiSquare, Integer degreesOfFreedom, Double pValue, double threshold,
                                   @Schema(description = "False while an expected count is below 5") boolean testable,
                                   @Schema(description = "Testable and p below the threshold") boolean flagged) {

        static SampleRatioCheck from(SampleRatioMismatch check) {
            return check == null ? null : new SampleRatioCheck(check.chiSquare(), check.degreesOfFreedom(),
                    check.pValue(), check.threshold(), check.testable(), check.flagged());
        }
    }

    static RecruitmentView from(Recruitment r) {
        return new RecruitmentView(r.trialId(), r.status(), r.method(), r.participants(), r.withdrawn(), r.imported(),
                r.armCountsConcealed(), r.byArm(), SampleRatioCheck.from(r.sampleRatioMismatch()),
                groups(r.byJobcentre()), groups(r.byStratum()));
    }

    private static List<Group> groups(List<Recruitment.Group> groups) {
        return groups.stream().map(g -> new Group(g.key(), g.participants(), g.byArm(),
                SampleRatioCheck.from(g.sampleRatioMismatch()))).toList();
    }
}
