package dk.trials.outcome.service;

import dk.trials.outcome.statistics.FollowUpTable;
import dk.trials.outcome.statistics.LogRank;
import dk.trials.sequential.SequentialDesign;
import dk.trials.sequential.SequentialSampleSize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Whole trials simulated participant by participant and monitored by the service's own code, as the issue's
 * "Done when" asks: the default monitoring plan (looks at half, three quarters and all of the planned events, rpact's
 * asOF, two-sided α = 0.05), each comparison sized by {@link SequentialSampleSize} at α/J for 80% power at hazard
 * ratio 1.25 as trial-service sizes it, the follow-up of each arm built per day as a {@link FollowUpTable} on a
 * data cut, Z from {@link LogRank#test}, and {@link SequentialMonitor#due} and {@link SequentialMonitor#evaluate}
 * deciding when to look and whether a comparison crossed.
 * <p>
 * A trial: control plus J experimental arms, allocated 1 : 1 : … at random, enrolled uniformly over three years;
 * time to job exit exponential (control median 120 days, the arm's hazard {@code hazardRatio} times the control's),
 * 10% lost to follow-up at a uniform day of the horizon, everyone else censored at the 182-day horizon; a job exit
 * on the day of a loss wins, as the contract's rule. Participants per arm give about 1.2 times the planned events
 * at full follow-up, so the last planned look comes before the data run out (when they do, the trial completes and
 * a final look is forced). Outcomes are reported in a random order: a look on cut day c sees exactly the outcomes
 * dated on or before c (everyone else is followed up to c or the horizon), built from the reports in their arrival
 * order, which therefore cannot matter. A look is taken on the first cut on which {@code due} is true; an arm that
 * crossed stops, the others go on; after the final look nothing is looked at.
 * <p>
 * For contrast, {@link #lookingAsReceived} replays the failure: experimental arms' outcomes reported before
 * the control's, every look on the data as received so far (live data, no cut).
 */
final class MonitoringSimulation {

    static final double ALPHA = 0.05;
    static final double POWER = 0.8;
    static final double ALTERNATIVE = 1.25;
    static final List<Double> FRACTIONS = List.of(0.5, 0.75, 1.0);
    static final int HORIZON = 182;
    static final int ENROLMENT_DAYS = 1095;
    static final double CONTROL_MEDIAN_DAYS = 120;
    static final double LOST_TO_FOLLOW_UP = 0.1;
    static final double EVENTS_AT_FULL_FOLLOW_UP = 1.2;
    private static final int LAST_DAY = ENROLMENT_DAYS - 1 + HORIZON;
    private static final String CONTROL = "control";

    private final SequentialMonitor monitor;
    private final int comparisons;
    private final double hazardRatio;
    private final MonitoringRules rules;
    private final int participantsPerArm;

    /** J comparisons with the control, each arm's hazard {@code hazardRatio} times the control's (1: the null). */
    MonitoringSimulation(SequentialMonitor monitor, int comparisons, double hazardRatio) {
        this.monitor = monitor;
        this.comparisons = comparisons;
        this.hazardRatio = hazardRatio;
        double controlRisk = 1 - Math.pow(0.5, HORIZON / CONTROL_MEDIAN_DAYS);
        double armRisk = 1 - Math.pow(1 - controlRisk, ALTERNATIVE);
        int plannedEvents = SequentialSampleSize.of(SequentialDesign.defaultPlan(), ALPHA, POWER, comparisons,
                controlRisk, armRisk, ALTERNATIVE, 1).events();
        this.rules = new MonitoringRules(ALPHA, FRACTIONS, "asOF", null, null, 1 - POWER, 1,
                IntStream.rangeClosed(1, comparisons)
                        .mapToObj(j -> new MonitoringRules.ComparisonRule(arm(j), CONTROL, 1, plannedEvents)).toList());
        this.participantsPerArm = (int) Math.ceil(EVENTS_AT_FULL_FOLLOW_UP * plannedEvents
                / (2 * (1 - LOST_TO_FOLLOW_UP) * controlRisk));
    }

    int plannedEvents() {
        return rules.comparisons().get(0).plannedEvents();
    }

    int participantsPerArm() {
        return participantsPerArm;
    }

    /** What one monitored trial found: whether each comparison crossed, and towards the arm (Z &gt; 0). */
    record Monitored(boolean[] crossed, boolean[] crossedForArm, int looks) {

        boolean anyCrossed() {
            for (boolean c : crossed) {
                if (c) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The tallies over {@code trials} simulated trials. */
    record Tally(int comparisons, double hazardRatio, int trials, int plannedEvents, int participantsPerArm,
                 int anyCrossed, int[] crossedForArm) {

        double familyWiseError() {
            return (double) anyCrossed / trials;
        }

        /** Marginal power of comparison j: the share of trials in which it crossed towards the arm. */
        double power(int j) {
            return (double) crossedForArm[j] / trials;
        }

        /** The limit for the family-wise error: 0.05 + 2·√(0.05·0.95/n). */
        double errorLimit() {
            return ALPHA + 2 * Math.sqrt(ALPHA * (1 - ALPHA) / trials);
        }

        /** The floor for the power: 0.80 − 2·√(0.8·0.2/n). */
        double powerFloor() {
            return POWER - 2 * Math.sqrt(POWER * (1 - POWER) / trials);
        }
    }

    /** {@code trials} trials from one seed, each with its own stream split off it, run in parallel. */
    Tally run(int trials, long seed, boolean asReceived) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[trials];
        for (int i = 0; i < trials; i++) {
            streams[i] = root.split();
        }
        List<Monitored> results = IntStream.range(0, trials).parallel()
                .mapToObj(i -> {
                    Trial trial = simulate(streams[i]);
                    return asReceived ? lookingAsReceived(trial) : monitor(trial, trial.randomArrival(streams[i]));
                })
                .toList();
        int any = (int) results.stream().filter(Monitored::anyCrossed).count();
        int[] forArm = new int[comparisons];
        for (Monitored m : results) {
            for (int j = 0; j < comparisons; j++) {
                forArm[j] += m.crossedForArm()[j] ? 1 : 0;
            }
        }
        return new Tally(comparisons, hazardRatio, trials, plannedEvents(), participantsPerArm, any, forArm);
    }

    /**
     * One trial's participants: arm (0 the control), enrolment day, and their outcome, if any within the horizon:
     * its day of follow-up and whether it is a job exit (else a censoring).
     */
    record Trial(int[] arm, int[] enrolled, int[] outcomeDay, boolean[] jobExit) {

        int size() {
            return arm.length;
        }

        /** The participants with an outcome, in the order a case system reports them: at random. */
        int[] randomArrival(SplittableRandom random) {
            int[] order = IntStream.range(0, size()).filter(p -> outcomeDay[p] >= 0).toArray();
            for (int i = order.length - 1; i > 0; i--) {
                int k = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[k];
                order[k] = swap;
            }
            return order;
        }

        /** The participants with an outcome, experimental arms' first (each in date order), the control's last. */
        int[] armByArm() {
            return IntStream.range(0, size()).filter(p -> outcomeDay[p] >= 0).boxed()
                    .sorted((a, b) -> arm[a] != arm[b] ? (arm[a] == 0 ? 1 : arm[b] == 0 ? -1 : arm[a] - arm[b])
                            : Integer.compare(enrolled[a] + outcomeDay[a], enrolled[b] + outcomeDay[b]))
                    .mapToInt(Integer::intValue).toArray();
        }
    }

    Trial simulate(SplittableRandom random) {
        int n = participantsPerArm * (comparisons + 1);
        int[] arm = new int[n];
        int[] enrolled = new int[n];
        int[] outcomeDay = new int[n];
        boolean[] jobExit = new boolean[n];
        double controlHazard = Math.log(2) / CONTROL_MEDIAN_DAYS;
        for (int p = 0; p < n; p++) {
            arm[p] = random.nextInt(comparisons + 1);
            enrolled[p] = random.nextInt(ENROLMENT_DAYS);
            double hazard = arm[p] == 0 ? controlHazard : controlHazard * hazardRatio;
            int exit = (int) Math.floor(-Math.log(1 - random.nextDouble()) / hazard);
            int lost = random.nextDouble() < LOST_TO_FOLLOW_UP ? random.nextInt(HORIZON + 1) : Integer.MAX_VALUE;
            if (exit <= HORIZON && exit <= lost) {
                outcomeDay[p] = exit;
                jobExit[p] = true;
            } else if (lost <= HORIZON) {
                outcomeDay[p] = lost;
            } else {
                outcomeDay[p] = -1;
            }
        }
        return new Trial(arm, enrolled, outcomeDay, jobExit);
    }

    /** Looks on data cuts, each on the first cut day on which one is due, then a final one if the data run out. */
    Monitored monitor(Trial trial, int[] arrival) {
        int[][] exitsByCut = exitsByCut(trial);
        boolean[] crossed = new boolean[comparisons];
        boolean[] forArm = new boolean[comparisons];
        List<PriorLook> prior = new ArrayList<>();
        boolean done = false;
        int from = 0;
        while (!done) {
            int cut = firstCutDue(exitsByCut, prior, from);
            if (cut > LAST_DAY) {
                break;
            }
            done = look(tablesAtCut(trial, arrival, cut), prior, crossed, forArm, false);
            from = cut + 1;
        }
        if (!done) {
            FollowUpTable[] complete = tablesAtCut(trial, arrival, LAST_DAY);
            double lastRate = prior.isEmpty() ? 0 : prior.get(prior.size() - 1).informationRate();
            if (monitor.informationRate(rules, prior, figures(complete)) > lastRate) {
                look(complete, prior, crossed, forArm, true);
            }
        }
        return new Monitored(crossed, forArm, prior.size());
    }

    /** The failure: the arms' outcomes before the control's, each look on everything received so far. */
    Monitored lookingAsReceived(Trial trial) {
        int[] arrival = trial.armByArm();
        long[] exits = new long[comparisons + 1];
        boolean[] crossed = new boolean[comparisons];
        boolean[] forArm = new boolean[comparisons];
        List<PriorLook> prior = new ArrayList<>();
        for (int received = 1; received <= arrival.length; received++) {
            int p = arrival[received - 1];
            exits[trial.arm()[p]] += trial.jobExit()[p] ? 1 : 0;
            List<ComparisonFigures> live = IntStream.rangeClosed(1, comparisons).mapToObj(j ->
                    new ComparisonFigures(arm(j), CONTROL, exits[j] + exits[0], null, null, null, null, null)).toList();
            if (monitor.due(rules, prior, live)
                    && look(tables(trial, Arrays.copyOf(arrival, received), LAST_DAY), prior, crossed, forArm, false)) {
                break;
            }
        }
        return new Monitored(crossed, forArm, prior.size());
    }

    /** One formal look; true when monitoring has ended (final look, or every comparison crossed). */
    private boolean look(FollowUpTable[] tables, List<PriorLook> prior, boolean[] crossed, boolean[] forArm,
                         boolean finalLook) {
        LookEvaluation evaluation = monitor.evaluate(rules, prior, figures(tables), finalLook);
        List<String> crossedHere = new ArrayList<>();
        for (int j = 0; j < comparisons; j++) {
            LookEvaluation.ComparisonEvaluation c = evaluation.comparisons().get(j);
            if (c.crossed()) {
                crossed[j] = true;
                forArm[j] = c.observedZ() > 0;
                crossedHere.add(c.arm());
            }
        }
        prior.add(new PriorLook(evaluation.number(), evaluation.informationRate(), crossedHere));
        boolean allCrossed = IntStream.range(0, comparisons).allMatch(j -> crossed[j]);
        return evaluation.finalLook() || allCrossed;
    }

    private List<ComparisonFigures> figures(FollowUpTable[] tables) {
        return IntStream.rangeClosed(1, comparisons).mapToObj(j -> new ComparisonFigures(arm(j), CONTROL,
                tables[0].totalEvents() + tables[j].totalEvents(), LogRank.test(tables[0], tables[j]).z(),
                null, null, null, null)).toList();
    }

    /**
     * The first cut day from {@code from} on which a look is due, LAST_DAY + 1 if none: found by bisection, since a
     * later cut counts at least the job exits of an earlier one, so that once due on a cut a look stays due on every
     * later one (for the same prior looks). The same answer as asking {@code due} day by day, in a dozen calls.
     */
    private int firstCutDue(int[][] exitsByCut, List<PriorLook> prior, int from) {
        int low = from;
        int high = LAST_DAY + 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (monitor.due(rules, prior, eventsOnly(exitsByCut, middle))) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The events a cut would count, per comparison: all the schedule needs to know whether a look is due. */
    private List<ComparisonFigures> eventsOnly(int[][] exitsByCut, int cut) {
        return IntStream.rangeClosed(1, comparisons).mapToObj(j -> new ComparisonFigures(arm(j), CONTROL,
                exitsByCut[j][cut] + exitsByCut[0][cut], null, null, null, null, null)).toList();
    }

    /** Job exits dated on or before each cut day, per arm. */
    private int[][] exitsByCut(Trial trial) {
        int[][] exits = new int[comparisons + 1][LAST_DAY + 1];
        for (int p = 0; p < trial.size(); p++) {
            if (trial.jobExit()[p]) {
                exits[trial.arm()[p]][trial.enrolled()[p] + trial.outcomeDay()[p]]++;
            }
        }
        for (int[] arm : exits) {
            for (int day = 1; day <= LAST_DAY; day++) {
                arm[day] += arm[day - 1];
            }
        }
        return exits;
    }

    /** Each arm's follow-up on cut day {@code cut}: the outcomes dated on or before it, whenever they arrived. */
    FollowUpTable[] tablesAtCut(Trial trial, int[] arrival, int cut) {
        int[] dated = Arrays.stream(arrival)
                .filter(p -> trial.enrolled()[p] + trial.outcomeDay()[p] <= cut).toArray();
        return tables(trial, dated, cut);
    }

    /** Each arm's follow-up on day {@code today} given these participants' outcomes; the others followed to today. */
    private FollowUpTable[] tables(Trial trial, int[] reported, int today) {
        int[] end = new int[trial.size()];
        Arrays.fill(end, -1);
        for (int p : reported) {
            end[p] = trial.outcomeDay()[p];
        }
        FollowUpTable.Builder[] arms = new FollowUpTable.Builder[comparisons + 1];
        for (int a = 0; a <= comparisons; a++) {
            arms[a] = FollowUpTable.builder(HORIZON);
        }
        for (int p = 0; p < trial.size(); p++) {
            if (trial.enrolled()[p] > today) {
                continue;
            }
            if (end[p] >= 0 && trial.jobExit()[p]) {
                arms[trial.arm()[p]].event(end[p], 1);
            } else if (end[p] >= 0) {
                arms[trial.arm()[p]].censoring(end[p], 1);
            } else {
                arms[trial.arm()[p]].censoring(Math.min(today - trial.enrolled()[p], HORIZON), 1);
            }
        }
        return Arrays.stream(arms).map(FollowUpTable.Builder::build).toArray(FollowUpTable[]::new);
    }

    private static String arm(int j) {
        return "arm-" + j;
    }

    /**
     * {@code bench/monitoring-simulation [--trials N]}: the family-wise error for 2, 3 and 4 arms and the marginal
     * power for 2 and 3 arms over N trials each (20,000 by default), with the limits, as a Markdown table.
     */
    public static void main(String[] args) {
        int trials = 20_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--trials") && i + 1 < args.length) {
                trials = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("usage: monitoring-simulation [--trials N]");
            }
        }
        SequentialMonitor monitor = new SequentialMonitor();
        long started = System.nanoTime();
        System.out.printf(Locale.ROOT, "Monitoring simulation, %s, %,d trials per row%n%n", LocalDate.now(), trials);
        System.out.println("| arms | HR | planned events per comparison | participants per arm "
                + "| FWER (any comparison crossed) | limit 0.05 + 2 SE | marginal power per comparison "
                + "| floor 0.80 - 2 SE | looks on data as received, arm by arm: FWER |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int j = 1; j <= 3; j++) {
            MonitoringSimulation nul = new MonitoringSimulation(monitor, j, 1);
            Tally errors = nul.run(trials, seed(j, false), false);
            Tally received = nul.run(Math.min(trials, 2_000), seed(j, false), true);
            System.out.printf(Locale.ROOT, "| %d | 1 | %d | %d | %.4f | %.4f | | | %.3f (%,d trials) |%n", j + 1,
                    errors.plannedEvents(), errors.participantsPerArm(), errors.familyWiseError(), errors.errorLimit(),
                    received.familyWiseError(), received.trials());
            if (j <= 2) {
                Tally power = new MonitoringSimulation(monitor, j, ALTERNATIVE).run(trials, seed(j, true), false);
                String each = String.join(" / ", IntStream.range(0, j)
                        .mapToObj(c -> String.format(Locale.ROOT, "%.4f", power.power(c))).toList());
                System.out.printf(Locale.ROOT, "| %d | %.2f | %d | %d | | | %s | %.4f | |%n", j + 1, ALTERNATIVE,
                        power.plannedEvents(), power.participantsPerArm(), each, power.powerFloor());
            }
        }
        System.out.printf(Locale.ROOT, "%nTook %.0f s.%n", (System.nanoTime() - started) / 1e9);
    }

    /** The seeds of the suite and the script: one per arm count and hypothesis. */
    static long seed(int comparisons, boolean alternative) {
        return 20261201L + 1_000L * comparisons + (alternative ? 1 : 0);
    }
}
