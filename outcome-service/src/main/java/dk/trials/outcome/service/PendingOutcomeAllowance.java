package dk.trials.outcome.service;

import dk.trials.outcome.config.PendingOutcomesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The cap on the outcomes one jobcentre keeps waiting for a participant ({@code trials.outcomes.pending.per-jobcentre}):
 * an outcome for someone who is not (yet) the jobcentre's participant is kept, so a jobcentre probing citizens would
 * otherwise leave rows without bound. The count is taken under a lock of the jobcentre's, held to the end of the
 * transaction, so two concurrent reports of one jobcentre cannot both take the last place.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PendingOutcomeAllowance {

    /** What is left of one jobcentre's allowance in this transaction. */
    public static final class Places {

        private long left;

        private Places(long left) {
            this.left = left;
        }

        /** Takes a place for one more waiting outcome; false when the cap is reached. */
        public boolean take() {
            if (left <= 0) {
                return false;
            }
            left--;
            return true;
        }
    }

    private final OutcomeStore outcomes;
    private final int cap;

    public PendingOutcomeAllowance(OutcomeStore outcomes, PendingOutcomesConfig config) {
        if (config.perJobcentre() < 1) {
            throw new IllegalArgumentException("trials.outcomes.pending.per-jobcentre must be at least 1");
        }
        this.outcomes = outcomes;
        this.cap = config.perJobcentre();
    }

    /** The places left to the jobcentre, locking its count until the transaction ends. */
    public Places of(String jobcentre) {
        return new Places(cap - outcomes.lockAndCountPendingReportedBy(jobcentre));
    }

    public int cap() {
        return cap;
    }
}
