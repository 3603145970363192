package dk.trials.trial.rest;

/** Request and response examples shown in the OpenAPI document; kept true by the OpenAPI test. */
final class TrialExamples {

    static final String DESIGN = """
            {
              "title": "Early intensive contact for young dagpenge recipients",
              "type": "RCT",
              "targetGroup": "DAGPENGE",
              "arms": [
                {"code": "treatment", "name": "Intensive contact", "allocationWeight": 1},
                {"code": "control", "name": "Ordinary effort", "allocationWeight": 1, "control": true}
              ],
              "randomisation": {"method": "PERMUTED_BLOCK", "blockSizes": [4, 6], "stratifyBy": ["jobcentre", "ageBand"], "ageBands": [18, 25, 30]},
              "eligibility": {"benefitTypes": ["DAGPENGE"], "minAge": 18, "maxAge": 29, "maxWeeksUnemployed": 52},
              "jobcentres": ["101", "147", "751"],
              "primaryOutcome": {"type": "JOB_EXIT", "horizonWeeks": 26},
              "plannedParticipants": 2000,
              "enrolmentPeriod": {"start": "2027-01-01", "end": "2027-12-31"}
            }""";

    static final String TRIAL = """
            {
              "id": "5b0f7c1e-3d4a-4f51-9a57-0c4a8e7d2b10",
              "status": "RECRUITING",
              "designHash": "3f1c0e8f0a7e3c2d9b6a4f1e0d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c",
              "title": "Early intensive contact for young dagpenge recipients",
              "type": "RCT",
              "targetGroup": "DAGPENGE",
              "arms": [
                {"code": "treatment", "name": "Intensive contact", "allocationWeight": 1, "control": false},
                {"code": "control", "name": "Ordinary effort", "allocationWeight": 1, "control": true}
              ],
              "randomisation": {"method": "PERMUTED_BLOCK", "blockSizes": [4, 6], "stratifyBy": ["jobcentre", "ageBand"], "ageBands": [18, 25, 30]},
              "eligibility": {"benefitTypes": ["DAGPENGE"], "minAge": 18, "maxAge": 29, "maxWeeksUnemployed": 52},
              "jobcentres": ["101", "147", "751"],
              "primaryOutcome": {"type": "JOB_EXIT", "horizonWeeks": 26},
              "plannedParticipants": 2000,
              "enrolmentPeriod": {"start": "2027-01-01", "end": "2027-12-31"},
              "createdBy": "designer@star.dk",
              "createdAt": "2026-11-20T09:00:00Z",
              "updatedBy": "designer@star.dk",
              "updatedAt": "2026-11-25T08:15:00Z"
            }""";

    private TrialExamples() {
    }
}
