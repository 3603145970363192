package dk.trials.outcome.service;

import dk.trials.outcome.config.PendingOutcomesConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes the outcomes jobcentres reported that have waited longer than {@code trials.outcomes.pending.expire-after}
 * for their participant, so an outcome for someone who never became the jobcentre's participant (a mistake, or a
 * probe of whether a citizen is enrolled elsewhere) leaves nothing behind. An admin's and a register feed's waiting
 * outcomes are kept, as the participant's enrolment may arrive at any time. One replica at a time runs the round.
 */
@ApplicationScoped
public class PendingOutcomeExpiry {

    private static final Logger LOG = Logger.getLogger(PendingOutcomeExpiry.class);

    /** The name of the round's lock. */
    static final String ROUND = "pending-outcome-expiry";

    private final OutcomeStore outcomes;
    private final ScheduledRoundLock rounds;
    private final PendingOutcomesConfig config;
    private final Clock clock;

    public PendingOutcomeExpiry(OutcomeStore outcomes, ScheduledRoundLock rounds, PendingOutcomesConfig config,
                                Clock clock) {
        this.outcomes = outcomes;
        this.rounds = rounds;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${trials.outcomes.expire-pending-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void round() {
        expireAt(clock.instant());
    }

    /** Deletes what has waited too long at {@code now}; the number deleted, or 0 if another replica runs the round. */
    public int expireAt(Instant now) {
        int[] deleted = {0};
        rounds.runAlone(ROUND, () -> deleted[0] = outcomes.deletePendingReportedByJobcentresBefore(now.minus(config.expireAfter())));
        if (deleted[0] > 0) {
            LOG.infof("Deleted %d outcomes of jobcentres that waited more than %s for their participant", deleted[0],
                    config.expireAfter());
        }
        return deleted[0];
    }
}
