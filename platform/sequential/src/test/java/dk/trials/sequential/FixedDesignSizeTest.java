package dk.trials.sequential;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The single-analysis formulas give R's figures (checked case by case against {@code power.prop.test} and rpact in
 * trial-service's {@code RReferenceValuesTest}); here the few identities the sequential sizes rest on.
 */
class FixedDesignSizeTest {

    @Test
    void oneToOneParticipantsArePowerPropTestsClosedForm() {
        // power.prop.test(p1 = 0.30, p2 = 0.35, power = 0.8): closed form 1376.29886829072 per group
        assertEquals(1376.29886829072, FixedDesignSize.treatmentParticipants(0.30, 0.35, 0.05, 0.8, 1), 1e-8);
    }

    @Test
    void eventsAreSymmetricInTheAllocationAndInTheDirectionOfTheEffect() {
        double twoToOne = FixedDesignSize.events(1.2, 0.05, 0.8, 2);
        assertEquals(twoToOne, FixedDesignSize.events(1.2, 0.05, 0.8, 0.5), 1e-9);
        assertEquals(twoToOne, FixedDesignSize.events(1 / 1.2, 0.05, 0.8, 2), 1e-9);
    }

    @Test
    void theProportionalHazardRatioTurnsOneIncidenceIntoTheOther() {
        double hazardRatio = FixedDesignSize.proportionalHazardRatio(0.30, 0.35);
        assertEquals(1 - 0.35, Math.pow(1 - 0.30, hazardRatio), 1e-12);
        assertEquals(Math.log(0.65) / Math.log(0.70), hazardRatio, 1e-15);
    }
}
