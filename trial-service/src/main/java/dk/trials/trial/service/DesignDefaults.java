package dk.trials.trial.service;

import dk.trials.events.trial.MonitoringPlan;
import dk.trials.events.trial.RandomisationDesign;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.trial.Design;

/**
 * Fills in what a design may leave out, so that the stored, hashed and published design says exactly how
 * participants are allocated and how the trial is monitored: minimisation without a probability uses the events
 * module's default, {@value RandomisationDesign#DEFAULT_MINIMISATION_PROBABILITY}, the one enrolment-service would
 * assume; a randomised design without a monitoring plan, or with parts of one left out, takes the events module's
 * {@link MonitoringPlan#defaults()} for them (looks at ½, ¾ and 1, asOF, no futility, a
 * {@value MonitoringPlan#DEFAULT_REPORTING_LAG_DAYS}-day lag, 06:00). A design that is not randomised has no
 * comparison to monitor and keeps none.
 */
final class DesignDefaults {

    private DesignDefaults() {
    }

    static Design apply(Design design) {
        return monitoring(randomisation(design));
    }

    private static Design randomisation(Design design) {
        Design.Randomisation r = design.randomisation();
        if (r.method() != RandomisationMethod.MINIMISATION || r.minimisationProbability() != null) {
            return design;
        }
        return design.withRandomisation(r.withMinimisationProbability(RandomisationDesign.DEFAULT_MINIMISATION_PROBABILITY));
    }

    private static Design monitoring(Design design) {
        if (!design.type().randomised()) {
            return design;
        }
        Design.MonitoringPlan sent = design.monitoringPlan();
        return design.withMonitoringPlan(sent == null ? Design.MonitoringPlan.defaults() : sent.withDefaults());
    }
}
