package dk.trials.outcome.rest;

/** OpenAPI examples, kept apart so the resources read as behaviour. */
final class OutcomeExamples {

    static final String OUTCOME = """
            {"cpr": "0101991234", "type": "JOB_EXIT", "occurredOn": "2027-03-01", "source": "DREAM", "sourceId": "dream-2027w09-0001"}""";
    static final String RECEIPT = """
            {"status": "ACCEPTED", "trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c",
             "enrolmentId": "0b8e0c57-2f0e-4f43-a7c1-3e9b6f9d2a10", "source": "DREAM", "sourceId": "dream-2027w09-0001"}""";
    static final String PENDING = """
            {"status": "PENDING_ENROLMENT", "trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "enrolmentId": null,
             "source": "DREAM", "sourceId": "dream-2027w09-0002"}""";
    static final String DUPLICATE = """
            {"status": "DUPLICATE", "trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c",
             "enrolmentId": "0b8e0c57-2f0e-4f43-a7c1-3e9b6f9d2a10", "source": "DREAM", "sourceId": "dream-2027w09-0001"}""";
    /** Kept as text by {@link BulkFileExample}: the document would otherwise read only the first line as JSON. */
    static final String BULK = """
            {"cpr": "0101991234", "type": "JOB_EXIT", "occurredOn": "2027-03-01", "source": "DREAM", "sourceId": "dream-2027w09-0001"}
            {"enrolmentId": "0b8e0c57-2f0e-4f43-a7c1-3e9b6f9d2a10", "type": "EMIGRATED", "occurredOn": "2027-03-02", "source": "CPR", "sourceId": "cpr-77120"}
            """;
    static final String BULK_RECEIPT = """
            {"lines": 4, "accepted": 2, "pending": 1, "duplicate": 0, "rejected": 1,
             "rejections": [{"line": 3, "reason": "occurredOn 2026-12-01 is before the participant's enrolment on 2027-01-04"}],
             "rejectionsNotListed": 0}""";
    static final String UNMATCHED = """
            {"trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "count": 1, "outcomes": [
              {"source": "DREAM", "sourceId": "dream-2027w09-0002", "enrolmentId": null, "namedByCpr": true,
               "type": "JOB_EXIT", "occurredOn": "2027-03-01", "receivedAt": "2027-03-02T07:00:00Z", "daysWaiting": 12}]}""";
    static final String ESTIMATES = """
            {"trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "asOf": "2027-06-30", "horizonDays": 182,
             "computedAt": "2027-06-30T10:15:02Z",
             "arms": [
               {"arm": "treatment", "control": false, "participants": 1001, "events": 355, "atRiskAtHorizon": 402,
                "cumulativeIncidence": {"estimate": 0.398, "ci95": [0.367, 0.430]}, "standardError": 0.0161,
                "restrictedMeanTimeToJobExit": {"estimate": 141.2, "standardError": 1.9, "ci95": [137.5, 144.9], "tau": 182}},
               {"arm": "control", "control": true, "participants": 1000, "events": 312, "atRiskAtHorizon": 431,
                "cumulativeIncidence": {"estimate": 0.351, "ci95": [0.321, 0.382]}, "standardError": 0.0155,
                "restrictedMeanTimeToJobExit": {"estimate": 146.8, "standardError": 1.8, "ci95": [143.3, 150.3], "tau": 182}}],
             "comparisons": [
               {"arm": "treatment", "versus": "control",
                "riskDifference": {"estimate": 0.047, "standardError": 0.022, "ci95": [0.004, 0.090]},
                "hazardRatio": {"estimate": 1.18, "ci95": [1.02, 1.36], "logHazardRatio": 0.166, "standardError": 0.075, "pValue": 0.027, "ties": "efron"},
                "logRank": {"chiSquare": 4.9, "pValue": 0.027, "z": 2.21, "observedMinusExpected": 19.6, "variance": 78.6, "strata": null},
                "stratifiedLogRank": {"chiSquare": 4.6, "pValue": 0.032, "z": 2.14, "observedMinusExpected": 18.9, "variance": 77.7, "strata": ["101", "147", "751"]},
                "restrictedMeanDifference": {"estimate": -5.6, "ci95": [-10.7, -0.5]}}],
             "monitoring": {"informationFraction": 0.42, "boundaryZ": 3.19, "observedZ": 2.21, "decision": "CONTINUE",
               "comparison": "treatment", "plannedEvents": 1588, "observedEvents": 667, "alpha": 0.05, "alphaSpent": 0.0025,
               "spendingFunction": "Lan-DeMets O'Brien-Fleming, two-sided: alpha*(t) = 2 - 2 Phi(z_{1-alpha/2} / sqrt(t))",
               "nextLookAt": 0.5,
               "looks": [
                 {"look": 1, "takenOn": "2027-04-12", "events": 159, "informationFraction": 0.1001, "boundaryZ": 6.18, "observedZ": 0.9, "comparison": "treatment", "decision": "CONTINUE"}]},
             "outcomes": {"pendingEnrolment": 3, "rejected": 1}}""";
    static final String HISTORY = """
            {"trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "points": [
              {"asOf": "2027-06-30", "kind": "DAILY", "look": null, "computedAt": "2027-06-30T10:15:02Z",
               "estimates": """ + ESTIMATES + "}]}";
    static final String SURVIVAL = """
            {"trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "asOf": "2027-06-30", "horizonDays": 182, "arms": [
              {"arm": "control", "participants": 1000, "points": [
                {"time": 0, "nRisk": 1000, "nEvent": 2, "nCensor": 0, "surv": 0.998, "stdErr": 0.0014, "lower": 0.9920, "upper": 0.9995, "cumulativeIncidence": 0.002}]}]}""";

    private OutcomeExamples() {
    }
}
