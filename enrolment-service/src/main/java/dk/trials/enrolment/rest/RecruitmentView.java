package dk.trials.enrolment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.trials.enrolment.service.SampleRatioMismatch;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recruitment so far. {@code byArm} is left out ({@code armCountsConcealed}) where arm counts could reveal upcoming
 * allocations: per stratum and per jobcentre while the trial can still enrol, and everywhere for block and minimisation
 * designs while it can still enrol.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecruitmentView(UUID trialId, String status, String method, long participants, long withdrawn,
                              long imported, boolean armCountsConcealed, Map<String, Long> byArm,
                              SampleRatioMismatch sampleRatioMismatch, List<Group> byJobcentre, List<Group> byStratum) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(String key, long participants, Map<String, Long> byArm, SampleRatioMismatch sampleRatioMismatch) {
    }
}
