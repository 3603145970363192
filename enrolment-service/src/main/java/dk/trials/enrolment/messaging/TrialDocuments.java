package dk.trials.enrolment.messaging;

import dk.trials.enrolment.TrialDocument;
import dk.trials.events.trial.EligibilityCriteria;
import dk.trials.events.trial.EnrolmentPeriod;
import dk.trials.events.trial.RandomisationDesign;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.TrialDesign;

/**
 * The trial event's design as this service stores it. The events module defines design normalisation once (block
 * sizes rounded up to whole multiples of the total weight, the minimisation default); it is applied here, as the
 * trial is learned, so allocation reads the values it uses and derives none of them itself.
 */
public final class TrialDocuments {

    private TrialDocuments() {
    }

    public static TrialDocument of(TrialDesign design) {
        return new TrialDocument(TrialDocument.SCHEMA_VERSION,
                design.arms().stream().map(a -> new TrialDocument.Arm(a.code(), a.allocationWeight())).toList(),
                randomisation(design), eligibility(design.eligibility()), design.jobcentres(),
                period(design.enrolmentPeriod()));
    }

    private static TrialDocument.Randomisation randomisation(TrialDesign design) {
        RandomisationDesign r = design.randomisation();
        int totalWeight = design.totalAllocationWeight();
        // A total weight below 1 cannot make a block; trial-service refuses such a design, and the allocator refuses
        // the missing sizes rather than this consumer failing on the event.
        var blockSizes = r.method() == RandomisationMethod.PERMUTED_BLOCK && totalWeight > 0
                ? r.effectiveBlockSizes(totalWeight) : null;
        Double probability = r.method() == RandomisationMethod.MINIMISATION ? r.effectiveMinimisationProbability() : null;
        return new TrialDocument.Randomisation(r.method(), blockSizes, r.stratifyBy(), r.ageBands(),
                r.minimisationFactors(), probability);
    }

    private static TrialDocument.Eligibility eligibility(EligibilityCriteria criteria) {
        return criteria == null ? null : new TrialDocument.Eligibility(criteria.benefitTypes(), criteria.minAge(),
                criteria.maxAge(), criteria.maxWeeksUnemployed());
    }

    private static TrialDocument.EnrolmentPeriod period(EnrolmentPeriod period) {
        return period == null ? null : new TrialDocument.EnrolmentPeriod(period.start(), period.end());
    }
}
