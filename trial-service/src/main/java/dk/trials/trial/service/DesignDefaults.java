package dk.trials.trial.service;

import dk.trials.events.trial.RandomisationDesign;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.trial.Design;

/**
 * Fills in what a design may leave out, so that the stored, hashed and published design says exactly how
 * participants are allocated: minimisation without a probability uses the events module's default,
 * {@value RandomisationDesign#DEFAULT_MINIMISATION_PROBABILITY}, the one enrolment-service would assume.
 */
final class DesignDefaults {

    private DesignDefaults() {
    }

    static Design apply(Design design) {
        Design.Randomisation r = design.randomisation();
        if (r.method() != RandomisationMethod.MINIMISATION || r.minimisationProbability() != null) {
            return design;
        }
        return design.withRandomisation(r.withMinimisationProbability(RandomisationDesign.DEFAULT_MINIMISATION_PROBABILITY));
    }
}
