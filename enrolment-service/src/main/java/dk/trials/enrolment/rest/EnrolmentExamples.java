package dk.trials.enrolment.rest;

/** Request and response examples shown in the OpenAPI document. */
final class EnrolmentExamples {

    static final String REQUEST = """
            {"cpr": "0101991234", "jobcentre": "101", "benefitType": "DAGPENGE", "weeksUnemployed": 3}""";

    static final String ENROLMENT = """
            {
              "enrolmentId": "0d6f2a4e-8c1b-4b7e-9f3a-2e5d7c9b1a30",
              "trialId": "5b0f7c1e-3d4a-4f51-9a57-0c4a8e7d2b10",
              "arm": "treatment",
              "enrolledAt": "2027-03-01T08:15:00.123Z",
              "stratum": "jobcentre=101|ageBand=25-29"
            }""";

    static final String VIEW = """
            {
              "enrolmentId": "0d6f2a4e-8c1b-4b7e-9f3a-2e5d7c9b1a30",
              "trialId": "5b0f7c1e-3d4a-4f51-9a57-0c4a8e7d2b10",
              "arm": "treatment",
              "enrolledAt": "2027-03-01T08:15:00.123Z",
              "stratum": "jobcentre=101|ageBand=25-29",
              "jobcentre": "101",
              "responsibleJobcentre": "101",
              "enrolledOn": "2027-03-01",
              "imported": false,
              "withdrawal": {"date": "2027-04-01", "reason": "Moved abroad", "recordedAt": "2027-04-02T10:00:00Z"}
            }""";

    static final String TRANSFER = """
            {"jobcentre": "147", "reason": "The citizen moved to Frederiksberg"}""";

    static final String TRANSFERRED = """
            {
              "enrolmentId": "0d6f2a4e-8c1b-4b7e-9f3a-2e5d7c9b1a30",
              "trialId": "5b0f7c1e-3d4a-4f51-9a57-0c4a8e7d2b10",
              "arm": "treatment",
              "enrolledAt": "2027-03-01T08:15:00.123Z",
              "stratum": "jobcentre=101|ageBand=25-29",
              "jobcentre": "101",
              "responsibleJobcentre": "147",
              "enrolledOn": "2027-03-01",
              "imported": false
            }""";

    static final String WITHDRAWAL = """
            {"reason": "The citizen no longer wishes to take part", "date": "2027-02-01"}""";

    static final String IMPORT = """
            {"enrolments": [
              {"cpr": "0101991234", "jobcentre": "101", "arm": "control", "enrolledOn": "2026-03-02", "benefitType": "DAGPENGE", "weeksUnemployed": 4},
              {"cpr": "0202881235", "jobcentre": "147", "arm": "treatment", "enrolledOn": "2026-03-05"}
            ]}""";

    static final String IMPORTED = """
            {"imported": 2, "alreadyEnrolled": 0}""";

    private EnrolmentExamples() {
    }
}
