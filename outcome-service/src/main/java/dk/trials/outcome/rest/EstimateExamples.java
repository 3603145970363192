package dk.trials.outcome.rest;

/**
 * Examples of the estimates' bodies for the OpenAPI document, checked against their schemas by the tests. The
 * monitoring figures are those the sequential monitor gives for 667 of 1588 planned events with Z = 2.21 under the
 * default plan (asOF, looks at ½, ¾ and 1) with beta-spending futility (bsOF, power 0.8), before the first look.
 */
final class EstimateExamples {

    static final String ESTIMATES = """
            {"trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "asOf": "2027-06-30", "horizonDays": 182,
             "computedAt": "2027-06-30T10:15:02Z",
             "arms": [
               {"arm": "treatment", "control": false, "participants": 1001, "events": 355, "atRiskAtHorizon": 402,
                "cumulativeIncidence": {"estimate": 0.398, "ci95": [0.367, 0.430], "reason": null}, "standardError": 0.0161,
                "restrictedMeanTimeToJobExit": {"estimate": 141.2, "standardError": 1.9, "ci95": [137.5, 144.9], "tau": 182, "reason": null}},
               {"arm": "control", "control": true, "participants": 1000, "events": 312, "atRiskAtHorizon": 431,
                "cumulativeIncidence": {"estimate": 0.351, "ci95": [0.321, 0.382], "reason": null}, "standardError": 0.0155,
                "restrictedMeanTimeToJobExit": {"estimate": 146.8, "standardError": 1.8, "ci95": [143.3, 150.3], "tau": 182, "reason": null}}],
             "comparisons": [
               {"arm": "treatment", "versus": "control",
                "riskDifference": {"estimate": 0.047, "standardError": 0.022, "ci95": [0.004, 0.090],
                                   "repeatedCi95": [-0.025, 0.119], "reason": null},
                "hazardRatio": {"estimate": 1.18, "ci95": [1.02, 1.36], "repeatedCi95": [0.924, 1.508],
                                "logHazardRatio": 0.166, "standardError": 0.075, "pValue": 0.027, "ties": "efron", "reason": null},
                "logRank": {"chiSquare": 4.9, "pValue": 0.027, "z": 2.21, "observedMinusExpected": 19.6, "variance": 78.6,
                            "strata": null, "reason": null},
                "stratifiedLogRank": {"chiSquare": 4.6, "pValue": 0.032, "z": 2.14, "observedMinusExpected": 18.9,
                                      "variance": 77.7, "strata": ["101", "147", "751"], "reason": null},
                "restrictedMeanDifference": {"estimate": -5.6, "ci95": [-10.7, -0.5], "reason": null}}],
             "monitoring": {"provisional": true, "reason": null,
               "informationFraction": 0.42, "boundaryZ": 3.267, "observedZ": 2.21, "decision": "CONTINUE",
               "comparison": "treatment", "plannedEvents": 1588, "observedEvents": 667,
               "futility": {"method": "BETA_SPENDING", "bound": 0.371, "conditionalPower": null, "flagged": false,
                            "flaggedAtLook": null},
               "informationRate": 0.42, "alpha": 0.05, "alphaSpent": 0.00109,
               "spending": {"family": "asOF", "gamma": null}, "boundaryMethod": "SINGLE",
               "looksTaken": 0, "lastLook": null, "nextLookAt": 0.5,
               "comparisons": [
                 {"arm": "treatment", "versus": "control", "informationFraction": 0.42, "boundaryZ": 3.267,
                  "observedZ": 2.21, "decision": "CONTINUE", "plannedEvents": 1588, "observedEvents": 667,
                  "futility": {"method": "BETA_SPENDING", "bound": 0.371, "conditionalPower": null, "flagged": false,
                               "flaggedAtLook": null}}]},
             "outcomes": {"pendingEnrolment": 3, "rejected": 1}}""";
    static final String HISTORY = """
            {"trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "points": [
              {"asOf": "2027-06-30", "kind": "DAILY", "look": null, "computedAt": "2027-06-30T10:15:02Z",
               "estimates": """ + ESTIMATES + "}]}";
    static final String SURVIVAL = """
            {"trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "asOf": "2027-06-30", "horizonDays": 182, "arms": [
              {"arm": "control", "participants": 1000, "points": [
                {"time": 0, "nRisk": 1000, "nEvent": 2, "nCensor": 0, "surv": 0.998, "stdErr": 0.0014, "lower": 0.9920, "upper": 0.9995, "cumulativeIncidence": 0.002}]}]}""";

    private EstimateExamples() {
    }
}
