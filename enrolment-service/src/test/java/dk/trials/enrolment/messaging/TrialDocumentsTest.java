package dk.trials.enrolment.messaging;

import dk.trials.enrolment.Trials;
import dk.trials.enrolment.TrialDocument;
import dk.trials.events.trial.ArmDesign;
import dk.trials.events.trial.RandomisationDesign;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.StratificationFactor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The trial event's design becomes the stored document with the events module's normalisation applied. */
class TrialDocumentsTest {

    private static final List<ArmDesign> TWO_TO_ONE = List.of(
            new ArmDesign("treatment", "Intensive contact", 2, false), new ArmDesign("control", "Ordinary effort", 1, true));

    private static TrialDocument.Randomisation stored(RandomisationDesign randomisation, List<ArmDesign> arms) {
        return TrialDocuments.of(Trials.design(randomisation, arms)).randomisation();
    }

    @Test
    void blockSizesThatCannotHoldTheWeightsAreRoundedUpToAMultipleOfTheTotalWeight() {
        assertEquals(List.of(3, 6), stored(Trials.blocks(List.of(2, 4)), TWO_TO_ONE).blockSizes());
        assertEquals(List.of(6), stored(Trials.blocks(null), TWO_TO_ONE).blockSizes());
        assertEquals(List.of(4), stored(Trials.blocks(List.of(4)), Trials.ONE_TO_ONE).blockSizes());
    }

    @Test
    void aMinimisedDesignWithoutAProbabilityTakesTheDefaultOfTheEventsModule() {
        RandomisationDesign withoutProbability = new RandomisationDesign(RandomisationMethod.MINIMISATION, null, null,
                List.of(18, 25, 30), List.of(StratificationFactor.JOBCENTRE), null);
        TrialDocument.Randomisation stored = stored(withoutProbability, Trials.ONE_TO_ONE);
        assertEquals(RandomisationDesign.DEFAULT_MINIMISATION_PROBABILITY, stored.minimisationProbability());
        assertEquals(0.8, stored.minimisationProbability());
        assertEquals(0.8, stored(Trials.minimisation(StratificationFactor.GENDER), Trials.ONE_TO_ONE).minimisationProbability());
        assertNull(stored.blockSizes());
    }

    @Test
    void theStoredDocumentKeepsWhatEligibilityAndAllocationRead() {
        TrialDocument document = TrialDocuments.of(Trials.design(Trials.blocks(List.of(4, 6), StratificationFactor.JOBCENTRE),
                Trials.ONE_TO_ONE));
        assertEquals(TrialDocument.SCHEMA_VERSION, document.schemaVersion());
        assertEquals(List.of(new TrialDocument.Arm("treatment", 1), new TrialDocument.Arm("control", 1)), document.arms());
        assertEquals(new TrialDocument.Randomisation(RandomisationMethod.PERMUTED_BLOCK, List.of(4, 6),
                List.of(StratificationFactor.JOBCENTRE), List.of(18, 25, 30), null, null), document.randomisation());
        assertEquals(new TrialDocument.Eligibility(List.of("DAGPENGE"), 18, 29, 52), document.eligibility());
        assertEquals(Trials.JOBCENTRES, document.jobcentres());
        assertNull(stored(Trials.simple(), Trials.ONE_TO_ONE).minimisationProbability());
    }
}
