package dk.trials.trial.service;

import dk.trials.events.trial.RandomisationDesign;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.TrialDesign;

/**
 * Fills in what a design may leave out, so that the stored, hashed and published design says exactly how
 * participants are allocated: minimisation without a probability uses {@value #MINIMISATION_PROBABILITY}.
 */
final class DesignDefaults {

    static final double MINIMISATION_PROBABILITY = 0.8;

    private DesignDefaults() {
    }

    static TrialDesign apply(TrialDesign d) {
        RandomisationDesign r = d.randomisation();
        if (r.method() != RandomisationMethod.MINIMISATION || r.minimisationProbability() != null) {
            return d;
        }
        RandomisationDesign completed = new RandomisationDesign(r.method(), r.blockSizes(), r.stratifyBy(), r.ageBands(),
                r.minimisationFactors(), MINIMISATION_PROBABILITY);
        return new TrialDesign(d.title(), d.type(), d.targetGroup(), d.arms(), completed, d.eligibility(), d.jobcentres(),
                d.primaryOutcome(), d.plannedParticipants(), d.enrolmentPeriod(), d.power());
    }
}
