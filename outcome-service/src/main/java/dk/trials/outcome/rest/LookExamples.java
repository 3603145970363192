package dk.trials.outcome.rest;

/** OpenAPI examples of the looks, kept apart so the resource reads as behaviour. */
final class LookExamples {

    static final String REQUEST = """
            {"cutDate": "2027-06-16", "reason": "Committee meeting 2027-06-30: planned interim analysis"}""";
    static final String SIGN_OFF = """
            {"decision": "CONTINUE", "comment": "No safety concerns; continue as planned",
             "sha256": "3b8f1e0c9a7d6b5e4f3a2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f"}""";
    static final String SIGNED = """
            {"look": 1, "signedBy": "dmc-chair", "signedAt": "2027-06-30T12:15:00Z", "decision": "CONTINUE",
             "comment": "No safety concerns; continue as planned",
             "sha256": "3b8f1e0c9a7d6b5e4f3a2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f"}""";
    static final String REPORT = """
            {"trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "look": 1, "frozen": true, "cutDate": "2027-06-16",
             "takenAt": "2027-06-30T04:00:00Z", "requestedBy": "schedule",
             "reason": "Scheduled look at 06:00 Europe/Copenhagen", "finalLook": false, "informationRate": 0.52,
             "boundaryZ": 2.9626, "observedZ": 1.21, "comparison": "treatment", "decision": "CONTINUE",
             "crossedArms": [], "futileArms": [],
             "sha256": "3b8f1e0c9a7d6b5e4f3a2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f",
             "inputs": {"schemaVersion": 1, "trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "look": 1,
               "cutDate": "2027-06-16", "takenAt": "2027-06-30T04:00:00Z", "requestedBy": "schedule",
               "reason": "Scheduled look at 06:00 Europe/Copenhagen", "finalLookRequested": false, "horizonDays": 182,
               "arms": ["treatment", "control"], "controlArm": "control",
               "rules": {"alpha": 0.05, "informationFractions": [0.5, 0.75, 1.0], "spendingFamily": "asOF",
                 "gamma": null, "futility": null, "beta": 0.2, "controlWeight": 1.0,
                 "comparisons": [{"arm": "treatment", "versus": "control", "allocationWeight": 1.0, "plannedEvents": 400}]},
               "priorLooks": [],
               "followUp": [{"arm": "control", "jobcentre": "101", "days": [{"day": 12, "jobExits": 3, "censorings": 0},
                 {"day": 182, "jobExits": 0, "censorings": 410}]}]},
             "result": {"schemaVersion": 1, "look": 1, "informationRate": 0.52, "finalLook": false, "alphaSpent": 0.0031,
               "boundaryMethod": "SINGLE", "boundaryZ": 2.9626, "decision": "CONTINUE", "crossedArms": [], "futileArms": [],
               "arms": [{"arm": "control", "participants": 1000, "events": 98, "cumulativeIncidence": 0.12,
                 "cumulativeIncidenceCi95": [0.10, 0.14]}],
               "comparisons": [{"arm": "treatment", "versus": "control", "events": 208, "informationFraction": 0.52,
                 "observedZ": 1.21, "boundaryZ": 2.9626, "crossed": false, "stoppedEarlier": false,
                 "futilityBound": null, "conditionalPower": null, "futile": null,
                 "hazardRatio": 1.18, "hazardRatioCi95": [0.90, 1.55], "hazardRatioRepeatedCi95": [0.80, 1.74],
                 "riskDifference": 0.02, "riskDifferenceCi95": [-0.01, 0.05], "riskDifferenceRepeatedCi95": [-0.03, 0.07],
                 "logRankChiSquare": 1.46, "logRankPValue": 0.226}]},
             "signOffs": [{"look": 1, "signedBy": "dmc-chair", "signedAt": "2027-06-30T12:15:00Z",
               "decision": "CONTINUE", "comment": null,
               "sha256": "3b8f1e0c9a7d6b5e4f3a2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f"}]}""";
    static final String LEGACY_REPORT = """
            {"trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "look": 1, "frozen": false, "cutDate": null,
             "takenAt": "2026-11-20T09:13:02Z", "requestedBy": "rolling-refresh",
             "reason": "Taken on live data by the rolling refresh, before looks on frozen data cuts existed",
             "finalLook": false, "informationRate": 0.1, "boundaryZ": 6.0937, "observedZ": 0.4,
             "comparison": "treatment", "decision": "CONTINUE", "crossedArms": [], "futileArms": [], "sha256": null,
             "inputs": null, "result": null, "signOffs": []}""";
    static final String LIST = "{\"trialId\": \"6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c\", \"looks\": [" + REPORT + "]}";
    static final String CSV = """
            trialId,look,cutDate,takenAt,sha256,arm,versus,figure,value
            6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c,1,2027-06-16,2027-06-30T04:00:00Z,3b8f1e0c9a7d6b5e4f3a2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f,,,boundaryZ,2.9626
            6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c,1,2027-06-16,2027-06-30T04:00:00Z,3b8f1e0c9a7d6b5e4f3a2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f,treatment,control,observedZ,1.21
            """;

    private LookExamples() {
    }
}
