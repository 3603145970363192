package dk.trials.outcome.rest;

/** OpenAPI examples of the analysis set. */
final class AnalysisSetExamples {

    static final String JSON = """
            {"trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "asOf": "2027-06-30", "horizonDays": 182,
             "controlArm": "control",
             "rows": [
               {"rowId": "0b5e3c1f9d2a7e4b6c8d0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c", "arm": "treatment",
                "jobcentre": "101", "stratum": "101", "enrolledOn": "2027-01-04", "followUpDays": 41, "jobExit": true,
                "ending": "JOB_EXIT", "withdrawnOn": null},
               {"rowId": "9a7c5e3b1d0f2e4c6a8b0d2f4e6c8a0b1d3f5e7c9a1b3d5f7e9c1a3b5d7f9e1c", "arm": "control",
                "jobcentre": "147", "stratum": "147", "enrolledOn": "2027-01-05", "followUpDays": 176, "jobExit": false,
                "ending": "AS_OF", "withdrawnOn": "2027-03-01"}
             ]}""";

    static final String CSV = """
            trialId,asOf,horizonDays,rowId,arm,jobcentre,stratum,enrolledOn,followUpDays,jobExit,ending,withdrawnOn
            6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c,2027-06-30,182,0b5e3c1f9d2a7e4b6c8d0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c,treatment,101,101,2027-01-04,41,1,JOB_EXIT,
            6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c,2027-06-30,182,9a7c5e3b1d0f2e4c6a8b0d2f4e6c8a0b1d3f5e7c9a1b3d5f7e9c1a3b5d7f9e1c,control,147,147,2027-01-05,176,0,AS_OF,2027-03-01
            """;

    private AnalysisSetExamples() {
    }
}
