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

    private OutcomeExamples() {
    }
}
