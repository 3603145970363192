package dk.trials.outcome.service;

import dk.trials.outcome.statistics.FollowUpTable;
import dk.trials.outcome.statistics.LogRank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Done when", in the suite: seeded trials simulated participant by participant and monitored by the
 * service's own code ({@link MonitoringSimulation}: looks on data cuts at the planned fractions, outcomes reported in
 * random order) keep the family-wise error within 0.05 + 2·√(0.05·0.95/n) for 2, 3 and 4 arms, and give each
 * comparison at least 0.80 − 2·√(0.8·0.2/n) power at the planned size for 2 and 3 arms. The re-runnable script
 * {@code bench/monitoring-simulation} runs the same simulation with 20,000 trials a row.
 */
class MonitoringSimulationTest {

    private static final int TRIALS = 2_000;
    /** One monitor for all: its boundary cache serves every trial of every test. */
    private static final SequentialMonitor MONITOR = new SequentialMonitor();
    private static final List<String> FIGURES = new ArrayList<>();

    @AfterAll
    static void report() {
        FIGURES.forEach(System.out::println);
    }

    @Test
    void nullTrialsWithTwoArmsKeepTheErrorWithinTheLimit() {
        assertErrorControlled(1);
    }

    @Test
    void nullTrialsWithThreeArmsKeepTheFamilyWiseErrorWithinTheLimit() {
        assertErrorControlled(2);
    }

    @Test
    void nullTrialsWithFourArmsKeepTheFamilyWiseErrorWithinTheLimit() {
        assertErrorControlled(3);
    }

    @Test
    void twoArmTrialsAtThePlannedSizeHaveTheirPlannedPower() {
        assertPowered(1);
    }

    @Test
    void threeArmTrialsAtThePlannedSizeGiveEachComparisonItsPlannedPower() {
        assertPowered(2);
    }

    @Test
    void theOrderInWhichOutcomesArriveCannotChangeWhatALookOnACutSees() {
        MonitoringSimulation simulation = new MonitoringSimulation(MONITOR, 2, 1);
        SplittableRandom random = new SplittableRandom(7);
        MonitoringSimulation.Trial trial = simulation.simulate(random);
        int cut = 300;
        FollowUpTable[] shuffled = simulation.tablesAtCut(trial, trial.randomArrival(random), cut);
        FollowUpTable[] armByArm = simulation.tablesAtCut(trial, trial.armByArm(), cut);
        for (int arm = 0; arm < shuffled.length; arm++) {
            assertArrayEquals(counts(shuffled[arm]), counts(armByArm[arm]), "arm " + arm);
        }
        assertEquals(LogRank.test(shuffled[0], shuffled[1]).z(), LogRank.test(armByArm[0], armByArm[1]).z());
        assertTrue(shuffled[0].totalEvents() > 0 && shuffled[1].totalEvents() > 0, "the cut sees job exits");
    }

    private static void assertErrorControlled(int comparisons) {
        MonitoringSimulation simulation = new MonitoringSimulation(MONITOR, comparisons, 1);
        MonitoringSimulation.Tally tally = simulation.run(TRIALS, MonitoringSimulation.seed(comparisons, false), false);
        FIGURES.add(String.format(Locale.ROOT, "%d arms, %,d null trials (%d planned events per comparison): "
                        + "FWER %.4f, limit %.4f", comparisons + 1, TRIALS, tally.plannedEvents(),
                tally.familyWiseError(), tally.errorLimit()));
        assertTrue(tally.familyWiseError() <= tally.errorLimit(),
                "family-wise error " + tally.familyWiseError() + " exceeds " + tally.errorLimit());
    }

    private static void assertPowered(int comparisons) {
        MonitoringSimulation simulation =
                new MonitoringSimulation(MONITOR, comparisons, MonitoringSimulation.ALTERNATIVE);
        MonitoringSimulation.Tally tally = simulation.run(TRIALS, MonitoringSimulation.seed(comparisons, true), false);
        for (int j = 0; j < comparisons; j++) {
            double power = tally.power(j);
            FIGURES.add(String.format(Locale.ROOT, "%d arms, %,d trials at HR %.2f: power of comparison %d %.4f, "
                    + "floor %.4f", comparisons + 1, TRIALS, MonitoringSimulation.ALTERNATIVE, j + 1, power,
                    tally.powerFloor()));
            assertTrue(power >= tally.powerFloor(), "power of comparison " + (j + 1) + " " + power
                    + " is below " + tally.powerFloor());
        }
    }

    private static long[] counts(FollowUpTable table) {
        return IntStream.rangeClosed(0, table.lastDay())
                .mapToLong(day -> table.events(day) * 1_000_000L + table.censorings(day)).toArray();
    }
}
