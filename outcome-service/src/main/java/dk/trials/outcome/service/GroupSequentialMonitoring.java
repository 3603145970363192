package dk.trials.outcome.service;

import dk.trials.events.trial.TrialStatus;
import dk.trials.outcome.MonitoringDecision;
import dk.trials.outcome.MonitoringLook;
import dk.trials.outcome.TrialPlan;
import dk.trials.outcome.statistics.AlphaSpending;
import dk.trials.outcome.statistics.GroupSequentialBoundary;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Group-sequential monitoring of the log-rank statistic. The information fraction is observed job exits over the
 * events planned by the power calculation. A formal look is taken each time the fraction passes a new multiple of
 * {@code trials.monitoring.look-step} (and once at t = 1 when the trial completes short of its planned events, so the
 * final analysis spends all alpha); each look is frozen, and its boundary spends alpha by the classic Lan–DeMets
 * O'Brien–Fleming function given the fractions of the looks before it. Between looks the boundary shown is the one
 * a look taken now would get, but only formal looks decide, so looking at the dashboard any day spends nothing.
 */
@ApplicationScoped
public class GroupSequentialMonitoring implements Monitoring {

    private static final double ROUNDING = 1e-9;
    private static final String SPENDING_FUNCTION =
            "Lan-DeMets O'Brien-Fleming, two-sided: alpha*(t) = 2 - 2 Phi(z_{1-alpha/2} / sqrt(t))";

    private final double alpha;
    private final double lookStep;
    private final AlphaSpending spending;
    private final GroupSequentialBoundary boundary;
    private final Clock clock;

    public GroupSequentialMonitoring(@ConfigProperty(name = "trials.monitoring.alpha") double alpha,
                                     @ConfigProperty(name = "trials.monitoring.look-step") double lookStep,
                                     Clock clock) {
        this.clock = clock;
        this.alpha = alpha;
        this.lookStep = lookStep;
        this.spending = AlphaSpending.lanDeMetsOBrienFleming(alpha);
        this.boundary = GroupSequentialBoundary.twoSided(spending);
    }

    /** The strongest comparison's log-rank Z: the one a dashboard needs to watch. */
    private record Observed(String comparison, Double z) {
        static Observed strongest(List<Estimate.Comparison> comparisons) {
            return comparisons.stream().filter(c -> c.logRank().z() != null)
                    .max(Comparator.comparingDouble(c -> Math.abs(c.logRank().z())))
                    .map(c -> new Observed(c.arm(), c.logRank().z()))
                    .orElse(new Observed(comparisons.isEmpty() ? null : comparisons.get(0).arm(), null));
        }
    }

    private static Double informationFraction(TrialPlan plan, long events) {
        if (plan.plannedEvents == null || plan.plannedEvents <= 0) {
            return null;
        }
        return Math.min(1.0, (double) events / plan.plannedEvents);
    }

    @Override
    public MonitoringStatus status(TrialPlan plan, long events, List<Estimate.Comparison> comparisons,
                                   List<MonitoringLook> looks) {
        Observed observed = Observed.strongest(comparisons);
        Double fraction = informationFraction(plan, events);
        MonitoringDecision decision = looks.stream().anyMatch(l -> l.decision == MonitoringDecision.EFFICACY_BOUNDARY_CROSSED)
                ? MonitoringDecision.EFFICACY_BOUNDARY_CROSSED : MonitoringDecision.CONTINUE;
        List<MonitoringStatus.Look> taken = looks.stream().map(l -> new MonitoringStatus.Look(l.look, l.takenOn, l.events,
                l.informationFraction, l.boundaryZ, l.observedZ, l.comparisonArm, l.decision)).toList();
        if (fraction == null || fraction <= 0) {
            return new MonitoringStatus(fraction, null, observed.z(), decision, observed.comparison(),
                    plan.plannedEvents, events, alpha, null, SPENDING_FUNCTION, fraction == null ? null : lookStep, taken);
        }
        Double boundaryZ = looks.stream().filter(l -> Math.abs(l.informationFraction - fraction) < ROUNDING)
                .findFirst().map(l -> l.boundaryZ).orElseGet(() -> boundaryAt(fraction, looks));
        double next = Math.min(1.0, (Math.floor(fraction / lookStep + ROUNDING) + 1) * lookStep);
        return new MonitoringStatus(fraction, boundaryZ, observed.z(), decision, observed.comparison(),
                plan.plannedEvents, events, alpha, spending.spent(fraction), SPENDING_FUNCTION,
                fraction >= 1.0 ? null : next, taken);
    }

    /** The look due now, if the information fraction has passed a new step (or the trial completed). */
    @Override
    public Optional<MonitoringLook> lookDue(TrialPlan plan, LocalDate today, long events,
                                            List<Estimate.Comparison> comparisons, List<MonitoringLook> looks) {
        Double reached = informationFraction(plan, events);
        if (reached == null || reached <= 0) {
            return Optional.empty();
        }
        double last = looks.stream().mapToDouble(l -> l.informationFraction).max().orElse(0.0);
        boolean finalAnalysis = plan.status == TrialStatus.COMPLETED && last < 1.0;
        double fraction = finalAnalysis ? 1.0 : reached;
        boolean newStep = Math.floor(fraction / lookStep + ROUNDING) > Math.floor(last / lookStep + ROUNDING);
        if (!(fraction > last) || !(newStep || finalAnalysis)) {
            return Optional.empty();
        }
        Observed observed = Observed.strongest(comparisons);
        MonitoringLook look = new MonitoringLook();
        look.trialId = plan.id;
        look.look = looks.size() + 1;
        look.takenOn = today;
        look.takenAt = clock.instant();
        look.events = events;
        look.informationFraction = fraction;
        look.boundaryZ = boundaryAt(fraction, looks);
        look.observedZ = observed.z();
        look.comparisonArm = observed.comparison();
        look.decision = observed.z() != null && Math.abs(observed.z()) >= look.boundaryZ
                ? MonitoringDecision.EFFICACY_BOUNDARY_CROSSED : MonitoringDecision.CONTINUE;
        return Optional.of(look);
    }

    private double boundaryAt(double fraction, List<MonitoringLook> looks) {
        List<Double> fractions = new ArrayList<>();
        looks.stream().map(l -> l.informationFraction).filter(f -> f < fraction - ROUNDING).sorted().forEach(fractions::add);
        fractions.add(fraction);
        double[] critical = boundary.criticalValues(fractions.stream().mapToDouble(Double::doubleValue).toArray());
        return critical[critical.length - 1];
    }

    @Override
    public List<MonitoringLook> looksUntil(UUID trialId, LocalDate asOf) {
        return MonitoringLook.list("trialId = ?1 and takenOn <= ?2 order by look", trialId, asOf);
    }
}
