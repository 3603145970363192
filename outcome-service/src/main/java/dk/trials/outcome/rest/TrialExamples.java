package dk.trials.outcome.rest;

/** The OpenAPI example of the trial list, kept apart so the resource reads as behaviour. */
final class TrialExamples {

    static final String LIST = """
            {"trials": [
              {"trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "status": "RECRUITING",
               "arms": ["treatment", "control"], "controlArm": "control", "horizonDays": 182,
               "participants": 2001, "byArm": {"treatment": 1001, "control": 1000},
               "armCountsByJobcentreConcealed": true,
               "byJobcentre": [{"jobcentre": "101", "participants": 1204, "byArm": null},
                               {"jobcentre": "147", "participants": 797, "byArm": null}],
               "sampleRatioMismatch": {"chiSquare": 0.0005, "degreesOfFreedom": 1, "pValue": 0.98, "threshold": 0.001,
                                       "testable": true, "flagged": false},
               "flow": [{"arm": "treatment", "allocated": 1001, "withdrawn": 7, "jobExits": 355, "censored": 21, "analysed": 1001},
                        {"arm": "control", "allocated": 1000, "withdrawn": 5, "jobExits": 312, "censored": 19, "analysed": 1000}],
               "screening": {"assessed": 2463, "excluded": 462,
                             "excludedByReason": {"AGE": 301, "BENEFIT_TYPE": 35, "UNEMPLOYMENT_DURATION": 140},
                             "countedAt": "2027-06-30T08:01:00Z"}}
            ]}""";

    private TrialExamples() {
    }
}
