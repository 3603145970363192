package dk.trials.outcome;

import dk.trials.outcome.statistics.FollowUpTable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The stored inputs of a formal look ({@link MonitoringLook#inputs}), frozen when it was taken: the data cut, when
 * and by whom and why it was taken, the trial's arms and horizon, the monitoring rules as they stood, the looks
 * before it, and the follow-up tables at the cut, per arm and jobcentre, as per-day counts of job exits and
 * censorings (administrative censoring at the cut or the horizon included; days with no count left out). These
 * counts are all the estimates of the look are computed from, so reading the look back needs no live data.
 */
public record LookInputs(int schemaVersion, UUID trialId, int look, LocalDate cutDate, Instant takenAt,
                         String requestedBy, String reason, boolean finalLookRequested, int horizonDays,
                         List<String> arms, String controlArm, LookRules rules, List<FormerLook> priorLooks,
                         List<FrozenFollowUp> followUp) {

    public static final int CURRENT_VERSION = 1;

    /** The monitoring rules of the trial at the look (see the service's MonitoringRules). */
    public record LookRules(double alpha, List<Double> informationFractions, String spendingFamily, Double gamma,
                            LookFutilityRule futility, double beta, double controlWeight,
                            List<LookComparisonRule> comparisons) {
    }

    public record LookFutilityRule(String method, String betaSpending, Double gamma, Double conditionalPowerBelow) {
    }

    public record LookComparisonRule(String arm, String versus, double allocationWeight, int plannedEvents) {
    }

    /** A look taken before this one, as its boundary needs it. */
    public record FormerLook(int number, double informationRate, List<String> crossedArms) {
    }

    /** One arm's follow-up in one jobcentre at the cut. */
    public record FrozenFollowUp(String arm, String jobcentre, List<FrozenDay> days) {
    }

    /** Day of analysis time with its job exits and censorings. */
    public record FrozenDay(int day, long jobExits, long censorings) {
    }

    /** The tables (arm → jobcentre → table) as frozen counts, in arm and jobcentre order. */
    public static List<FrozenFollowUp> freeze(Map<String, Map<String, FollowUpTable>> tables) {
        List<FrozenFollowUp> frozen = new ArrayList<>();
        new TreeMap<>(tables).forEach((arm, byJobcentre) -> new TreeMap<>(byJobcentre).forEach((jobcentre, table) -> {
            List<FrozenDay> days = new ArrayList<>();
            for (int day = 0; day <= table.lastDay(); day++) {
                if (table.events(day) != 0 || table.censorings(day) != 0) {
                    days.add(new FrozenDay(day, table.events(day), table.censorings(day)));
                }
            }
            frozen.add(new FrozenFollowUp(arm, jobcentre, days));
        }));
        return frozen;
    }

    /** The follow-up tables again, exactly as they were frozen. */
    public Map<String, Map<String, FollowUpTable>> tables() {
        Map<String, Map<String, FollowUpTable>> tables = new TreeMap<>();
        for (FrozenFollowUp stratum : followUp) {
            FollowUpTable.Builder builder = FollowUpTable.builder(horizonDays);
            stratum.days().forEach(d -> builder.event(d.day(), d.jobExits()).censoring(d.day(), d.censorings()));
            tables.computeIfAbsent(stratum.arm(), a -> new TreeMap<>()).put(stratum.jobcentre(), builder.build());
        }
        return tables;
    }
}
