package dk.trials.enrolment.service;

import dk.trials.enrolment.KnownTrial;
import dk.trials.events.trial.TrialStatus;
import dk.trials.platform.problem.ProblemException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * How many recruiting trials fail their sample-ratio check now, overall or in a jobcentre or stratum, kept as the gauge
 * {@code trials_recruitment_sample_ratio_mismatch_trials} for the alert that a randomisation fault raises (a broken
 * allocator, a case system that drops one arm's enrolments). Evaluated every {@code trials.recruitment.srm-check-every}
 * with the same test as {@code GET /trials/{trialId}/recruitment}; a gauge carries no arm counts, so it conceals nothing.
 */
@ApplicationScoped
public class SampleRatioMetrics {

    private final KnownTrials trials;
    private final RecruitmentReport recruitment;
    private volatile int flagged;

    public SampleRatioMetrics(KnownTrials trials, RecruitmentReport recruitment, MeterRegistry registry) {
        this.trials = trials;
        this.recruitment = recruitment;
        Gauge.builder("trials.recruitment.sample.ratio.mismatch.trials", this, metrics -> metrics.flagged)
                .description("Recruiting or paused trials whose sample-ratio-mismatch check is flagged").register(registry);
    }

    @Scheduled(identity = "sample-ratio-metrics", every = "${trials.recruitment.srm-check-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        count();
    }

    /** Counts the flagged trials now; the gauge shows the number until the next round. */
    @Transactional
    public int count() {
        List<UUID> trials = KnownTrial.<KnownTrial>list("status in ?1", List.of(TrialStatus.RECRUITING, TrialStatus.PAUSED))
                .stream().map(trial -> trial.id).toList();
        int mismatched = 0;
        for (UUID trialId : trials) {
            if (randomisable(trialId) && flagged(recruitment.of(trialId))) {
                mismatched++;
            }
        }
        flagged = mismatched;
        return mismatched;
    }

    /** A trial whose design cannot be randomised enrols no one (every enrolment is a 409), so it has no ratio. */
    private boolean randomisable(UUID trialId) {
        try {
            trials.require(trialId);
            return true;
        } catch (ProblemException unrandomisable) {
            return false;
        }
    }

    private static boolean flagged(Recruitment report) {
        return report.sampleRatioMismatch().flagged()
                || report.byJobcentre().stream().anyMatch(SampleRatioMetrics::flagged)
                || report.byStratum().stream().anyMatch(SampleRatioMetrics::flagged);
    }

    private static boolean flagged(Recruitment.Group group) {
        return group.sampleRatioMismatch() != null && group.sampleRatioMismatch().flagged();
    }
}
