package dk.trials.trial.rest;

import dk.trials.platform.security.Caller;
import dk.trials.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the caller reads trials with what would predict the next allocation left out: block sizes, the
 * minimisation probability, the design's hash (a digest of a design whose other parts are shown: trying the few
 * plausible block sizes would find them) and the design's warnings (they say which allocations are foreseeable).
 * Those who enrol, jobcentre tokens, must not foresee an allocation, or they could choose whom to enrol next; only a
 * token with a role that designs, analyses or administers trials reads the whole design.
 * <p>
 * Arm weights, strata and minimisation factors stay: a caseworker needs the arms and their shares to explain the
 * trial to the citizen, every factor's level is something the jobcentre sends itself, and the enrolment answer names
 * the stratum anyway; without block sizes or the probability none of them predicts the next allocation.
 */
@ApplicationScoped
public class AllocationConcealment {

    private final Caller caller;

    public AllocationConcealment(Caller caller) {
        this.caller = caller;
    }

    /** True unless the token carries a role that reads the whole design. */
    public boolean applies() {
        return !(caller.hasRole(Roles.TRIAL_DESIGNER) || caller.hasRole(Roles.ANALYST) || caller.hasRole(Roles.ADMIN));
    }
}
