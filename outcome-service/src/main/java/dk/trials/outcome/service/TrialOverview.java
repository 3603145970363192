package dk.trials.outcome.service;

import dk.trials.events.trial.TrialStatus;
import dk.trials.sequential.SampleRatioMismatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What outcome-service knows of one trial for the dashboard: its status and arms, recruitment trial-wide and by
 * jobcentre, the sample-ratio check and the flow of participants by arm (the part of a CONSORT diagram that follows
 * allocation) with, as enrolment-service last counted them, the citizens assessed for eligibility and excluded (the
 * part before it; null until its first count arrives). {@code byArm} of a jobcentre is null while
 * {@code armCountsByJobcentreConcealed}.
 */
public record TrialOverview(UUID trialId, TrialStatus status, List<String> arms, String controlArm, int horizonDays,
                            long participants, Map<String, Long> byArm, boolean armCountsByJobcentreConcealed,
                            List<JobcentreRecruitment> byJobcentre, SampleRatioMismatch sampleRatio, List<ArmFlow> flow,
                            Screening screening) {

    public record JobcentreRecruitment(String jobcentre, long participants, Map<String, Long> byArm) {
    }

    /**
     * One arm's participants from allocation to analysis. Intention to treat: every allocated participant is analysed,
     * the withdrawn included; {@code jobExits} are the events the estimates count (within the horizon) and
     * {@code censored} those whose follow-up ended first by emigration, death or loss to follow-up.
     */
    /**
     * The top of the CONSORT flow as enrolment-service counted it at {@code countedAt}: {@code assessed} is those it
     * allocated then and those it excluded; a citizen failing several criteria counts under each reason.
     */
    public record Screening(long assessed, long excluded, Map<String, Long> excludedByReason, Instant countedAt) {
    }

    public record ArmFlow(String arm, long allocated, long withdrawn, long jobExits, long censored, long analysed) {
    }
}
