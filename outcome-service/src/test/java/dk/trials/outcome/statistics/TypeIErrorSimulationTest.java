package dk.trials.outcome.statistics;

import dk.trials.sequential.Normal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 1,000 simulated trials without any effect of the intervention, each monitored at five looks (when a fifth, two
 * fifths, … of the planned job exits have been observed, the last spending all alpha), keep the two-sided type-I
 * error at 5% with the Lan–DeMets O'Brien–Fleming boundaries, while testing at 1.96 at every look does not.
 */
class TypeIErrorSimulationTest {

    private static final int TRIALS = 1000;
    private static final int PARTICIPANTS = 400;
    private static final int ENROLMENT_DAYS = 240;
    private static final int HORIZON = 182;
    private static final double[] STEPS = {0.2, 0.4, 0.6, 0.8, 1.0};
    private static final double SIMULATION_ERROR = 3 * Math.sqrt(0.05 * 0.95 / TRIALS);

    private final GroupSequentialBoundary boundary =
            GroupSequentialBoundary.twoSided(AlphaSpending.lanDeMetsOBrienFleming(0.05)).withGrid(16);

    @Test
    void monitoringAtEveryLookKeepsTheTypeOneErrorAtFivePercent() {
        SplittableRandom random = new SplittableRandom(20261125L);
        int rejectedWithBoundary = 0;
        int rejectedNaively = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Outcome outcome = monitor(simulateNullTrial(random));
            rejectedWithBoundary += outcome.crossedBoundary ? 1 : 0;
            rejectedNaively += outcome.crossedNaively ? 1 : 0;
        }
        double rate = (double) rejectedWithBoundary / TRIALS;
        double naiveRate = (double) rejectedNaively / TRIALS;
        System.out.printf("Type-I error over %d null trials, 5 looks: %.3f with Lan-DeMets OBF (naive 1.96 at every look: %.3f)%n",
                TRIALS, rate, naiveRate);
        assertTrue(Math.abs(rate - 0.05) <= SIMULATION_ERROR, "type-I error " + rate + " is not 0.05 ± " + SIMULATION_ERROR);
        assertTrue(naiveRate > 0.05 + SIMULATION_ERROR, "repeated naive testing inflates the error: " + naiveRate);
    }

    private record Participant(int arm, int enrolledOn, int jobExitDay, int censoredDay) {
    }

    private record Outcome(boolean crossedBoundary, boolean crossedNaively) {
    }

    /** Both arms exit to jobs with the same hazard (median 120 days); 10% are censored by emigration and the like. */
    private static List<Participant> simulateNullTrial(SplittableRandom random) {
        List<Participant> participants = new ArrayList<>(PARTICIPANTS);
        for (int i = 0; i < PARTICIPANTS; i++) {
            int exit = (int) Math.floor(-Math.log(random.nextDouble()) * 120 / Math.log(2));
            int censored = random.nextDouble() < 0.1 ? random.nextInt(HORIZON + 1) : Integer.MAX_VALUE;
            participants.add(new Participant(random.nextInt(2), random.nextInt(ENROLMENT_DAYS), exit, censored));
        }
        return participants;
    }

    private Outcome monitor(List<Participant> participants) {
        int lastDay = ENROLMENT_DAYS + HORIZON;
        int[] eventDays = participants.stream()
                .filter(p -> p.jobExitDay <= HORIZON && p.jobExitDay <= p.censoredDay)
                .mapToInt(p -> p.enrolledOn + p.jobExitDay).sorted().toArray();
        // Planned events as a power calculation would give them: about what the full follow-up yields.
        int planned = (int) Math.round(PARTICIPANTS * 0.58);
        List<Double> fractions = new ArrayList<>();
        List<Double> statistics = new ArrayList<>();
        double previous = 0;
        for (double step : STEPS) {
            int needed = (int) Math.ceil(step * planned);
            boolean finalLook = step == 1.0;
            int asOf = finalLook || needed > eventDays.length ? lastDay : eventDays[needed - 1];
            FollowUpTable[] tables = tables(participants, asOf);
            long events = tables[0].totalEvents() + tables[1].totalEvents();
            double fraction = finalLook ? 1.0 : Math.min(1.0, (double) events / planned);
            if (fraction <= previous) {
                continue;
            }
            fractions.add(fraction);
            statistics.add(LogRank.test(tables[0], tables[1]).z());
            previous = fraction;
        }
        double[] critical = boundary.criticalValues(fractions.stream().mapToDouble(Double::doubleValue).toArray());
        boolean crossed = false;
        boolean naive = false;
        for (int k = 0; k < critical.length; k++) {
            crossed |= Math.abs(statistics.get(k)) >= critical[k];
            naive |= Math.abs(statistics.get(k)) >= Normal.Z_975;
        }
        return new Outcome(crossed, naive);
    }

    /** Each arm's follow-up on calendar day {@code asOf}, by the contract's rule (job exit wins ties). */
    private static FollowUpTable[] tables(List<Participant> participants, int asOf) {
        FollowUpTable.Builder[] arms = {FollowUpTable.builder(HORIZON), FollowUpTable.builder(HORIZON)};
        for (Participant p : participants) {
            if (p.enrolledOn > asOf) {
                continue;
            }
            int end = Math.min(Math.min(asOf - p.enrolledOn, HORIZON), Math.min(p.jobExitDay, p.censoredDay));
            if (p.jobExitDay == end) {
                arms[p.arm].event(end, 1);
            } else {
                arms[p.arm].censoring(end, 1);
            }
        }
        return Arrays.stream(arms).map(FollowUpTable.Builder::build).toArray(FollowUpTable[]::new);
    }
}
