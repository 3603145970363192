package dk.trials.outcome.service;

import dk.trials.events.trial.FutilityPlan;
import dk.trials.outcome.LookInputs;
import dk.trials.outcome.LookResult;
import dk.trials.outcome.statistics.FollowUpTable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Maps what a look was taken from and what it found to the stored documents that freeze them. */
final class FrozenLookDocuments {

    private FrozenLookDocuments() {
    }

    /** Who asked for a look on which cut, and why. */
    record Request(UUID trialId, LocalDate cutDate, Instant takenAt, String requestedBy, String reason,
                   boolean finalLook) {
    }

    static LookInputs inputs(Request request, int number, int horizonDays, List<String> arms, String controlArm,
                             MonitoringRules rules, List<PriorLook> priors,
                             Map<String, Map<String, FollowUpTable>> tables) {
        FutilityPlan futility = rules.futility();
        return new LookInputs(LookInputs.CURRENT_VERSION, request.trialId(), number, request.cutDate(),
                request.takenAt(), request.requestedBy(), request.reason(), request.finalLook(), horizonDays,
                List.copyOf(arms), controlArm,
                new LookInputs.LookRules(rules.alpha(), rules.informationFractions(), rules.spendingFamily(),
                        rules.gamma(),
                        futility == null ? null : new LookInputs.LookFutilityRule(futility.method().name(),
                                futility.betaSpending(), futility.gamma(), futility.conditionalPowerBelow()),
                        rules.beta(), rules.controlWeight(),
                        rules.comparisons().stream().map(c -> new LookInputs.LookComparisonRule(c.arm(), c.versus(),
                                c.allocationWeight(), c.plannedEvents())).toList()),
                priors.stream().map(p -> new LookInputs.FormerLook(p.number(), p.informationRate(), p.crossedArms()))
                        .toList(),
                LookInputs.freeze(tables));
    }

    static LookResult result(LookEvaluation evaluation, Estimate estimate, List<ComparisonFigures> figures) {
        Map<String, Estimate.Comparison> estimated = estimate.comparisons().stream()
                .collect(Collectors.toMap(Estimate.Comparison::arm, Function.identity()));
        Map<String, ComparisonFigures> counted = figures.stream()
                .collect(Collectors.toMap(ComparisonFigures::arm, Function.identity()));
        List<LookResult.ArmAtCut> arms = estimate.arms().stream()
                .map(a -> new LookResult.ArmAtCut(a.arm(), a.participants(), a.events(),
                        a.cumulativeIncidence().estimate(), a.cumulativeIncidence().ci95()))
                .toList();
        List<LookResult.ComparisonAtLook> comparisons = evaluation.comparisons().stream().map(c -> {
            Estimate.Comparison e = estimated.get(c.arm());
            return new LookResult.ComparisonAtLook(c.arm(), c.versus(), counted.get(c.arm()).events(),
                    c.informationFraction(), c.observedZ(), c.boundaryZ(), c.crossed(), c.stoppedEarlier(),
                    c.futilityBound(), c.conditionalPower(), c.futile(),
                    e.hazardRatio().estimate(), e.hazardRatio().ci95(), c.repeatedCi95HazardRatio(),
                    e.riskDifference().estimate(), e.riskDifference().ci95(), c.repeatedCi95RiskDifference(),
                    e.logRank().chiSquare(), e.logRank().pValue());
        }).toList();
        return new LookResult(LookResult.CURRENT_VERSION, evaluation.number(), evaluation.informationRate(),
                evaluation.finalLook(), evaluation.alphaSpent(), evaluation.boundaryMethod(), evaluation.boundaryZ(),
                evaluation.decision(), crossedArms(evaluation), futileArms(evaluation), arms, comparisons);
    }

    /** The arms that crossed at this look (not those that had stopped before). */
    static List<String> crossedArms(LookEvaluation evaluation) {
        return evaluation.comparisons().stream().filter(LookEvaluation.ComparisonEvaluation::crossed)
                .map(LookEvaluation.ComparisonEvaluation::arm).toList();
    }

    static List<String> futileArms(LookEvaluation evaluation) {
        return evaluation.comparisons().stream().filter(c -> Boolean.TRUE.equals(c.futile()))
                .map(LookEvaluation.ComparisonEvaluation::arm).toList();
    }
}
