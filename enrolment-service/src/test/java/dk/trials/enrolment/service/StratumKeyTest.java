package dk.trials.enrolment.service;

import dk.trials.events.trial.BenefitType;
import dk.trials.events.trial.StratificationFactor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StratumKeyTest {

    @Test
    void ageBandsAreNamedFromTheDesignsLowerBounds() {
        List<Integer> bounds = List.of(25, 18, 30);
        assertEquals("<18", StratumKey.ageBand(17, bounds));
        assertEquals("18-24", StratumKey.ageBand(18, bounds));
        assertEquals("18-24", StratumKey.ageBand(24, bounds));
        assertEquals("25-29", StratumKey.ageBand(25, bounds));
        assertEquals("30+", StratumKey.ageBand(64, bounds));
    }

    @Test
    void unemploymentDurationFallsInQuarterHalfYearAndYearBands() {
        assertEquals("0-12", StratumKey.unemploymentDuration(0));
        assertEquals("0-12", StratumKey.unemploymentDuration(12));
        assertEquals("13-26", StratumKey.unemploymentDuration(13));
        assertEquals("27-52", StratumKey.unemploymentDuration(52));
        assertEquals("53+", StratumKey.unemploymentDuration(53));
    }

    @Test
    void theStratumJoinsTheLevelsInTheDesignsOrder() {
        ParticipantProfile profile = new ParticipantProfile("101", 26, "F", BenefitType.DAGPENGE, 30);
        List<String> levels = StratumKey.levels(List.of(StratificationFactor.JOBCENTRE, StratificationFactor.AGE_BAND,
                StratificationFactor.GENDER, StratificationFactor.BENEFIT_TYPE, StratificationFactor.UNEMPLOYMENT_DURATION),
                List.of(18, 25, 30), profile);
        assertEquals("jobcentre=101|ageBand=25-29|gender=F|benefitType=DAGPENGE|unemploymentDuration=27-52",
                StratumKey.stratum(levels));
        assertEquals("all", StratumKey.stratum(StratumKey.levels(List.of(), null, profile)));
    }
}
