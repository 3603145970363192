package dk.trials.outcome.rest;

/** OpenAPI examples of a bulk upload's progress. */
final class UploadExamples {

    static final String UPLOAD_ID = "dream-2027w09";
    static final String RUNNING = """
            {"uploadId": "dream-2027w09", "trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "state": "RUNNING",
             "linesProcessed": 120000, "accepted": 98211, "pending": 14020, "duplicate": 2750, "rejected": 19,
             "startedAt": "2027-03-02T07:00:00Z", "updatedAt": "2027-03-02T07:00:41Z", "finishedAt": null}""";
    static final String DONE = """
            {"uploadId": "dream-2027w09", "trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "state": "DONE",
             "linesProcessed": 250000, "accepted": 211409, "pending": 30788, "duplicate": 7770, "rejected": 33,
             "startedAt": "2027-03-02T07:00:00Z", "updatedAt": "2027-03-02T07:01:30Z",
             "finishedAt": "2027-03-02T07:01:30Z"}""";

    private UploadExamples() {
    }
}
