package dk.trials.trial;

/** Designs to send in tests, as JSON text, the way clients send them. */
public final class TrialDesigns {

    public static final String RCT = """
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

    private TrialDesigns() {
    }
}
