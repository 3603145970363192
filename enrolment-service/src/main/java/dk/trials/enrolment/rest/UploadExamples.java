package dk.trials.enrolment.rest;

/** OpenAPI examples of an import's progress. */
final class UploadExamples {

    static final String UPLOAD_ID = "migration-2027-01-batch-3";
    static final String RUNNING = """
            {"uploadId": "migration-2027-01-batch-3", "trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c",
             "state": "RUNNING", "linesSubmitted": 50000, "linesProcessed": 21500, "imported": 21480,
             "alreadyEnrolled": 20, "startedAt": "2027-01-04T07:00:00Z", "updatedAt": "2027-01-04T07:00:12Z",
             "finishedAt": null}""";
    static final String DONE = """
            {"uploadId": "migration-2027-01-batch-3", "trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c",
             "state": "DONE", "linesSubmitted": 50000, "linesProcessed": 50000, "imported": 49953,
             "alreadyEnrolled": 47, "startedAt": "2027-01-04T07:00:00Z", "updatedAt": "2027-01-04T07:00:29Z",
             "finishedAt": "2027-01-04T07:00:29Z"}""";

    private UploadExamples() {
    }
}
