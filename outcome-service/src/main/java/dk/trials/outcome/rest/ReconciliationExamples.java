package dk.trials.outcome.rest;

/** OpenAPI examples of the reconciliation, kept apart so the resource reads as behaviour. */
final class ReconciliationExamples {

    static final String CONSISTENT = """
            {"trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "consistent": true, "checkedAt": "2027-06-30T08:01:02Z",
             "checkpoint": {"upToSequence": 2001, "publishedAt": "2027-06-30T08:01:00Z",
               "allocatedPerArm": {"control": 1000, "treatment": 1001}, "withdrawn": 12},
             "counted": {"perArm": {"control": 1000, "treatment": 1001}, "withdrawn": 12, "unsequenced": 0},
             "missing": {"count": 0, "sequences": []}, "extra": {"count": 0, "enrolmentIds": []}}""";
    static final String INCONSISTENT = """
            {"trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "consistent": false, "checkedAt": "2027-06-30T08:01:02Z",
             "checkpoint": {"upToSequence": 2001, "publishedAt": "2027-06-30T08:01:00Z",
               "allocatedPerArm": {"control": 1000, "treatment": 1001}, "withdrawn": 12},
             "counted": {"perArm": {"control": 999, "treatment": 1000}, "withdrawn": 12, "unsequenced": 0},
             "missing": {"count": 2, "sequences": [1417, 1418]}, "extra": {"count": 0, "enrolmentIds": []}}""";

    private ReconciliationExamples() {
    }
}
