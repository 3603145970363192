package dk.trials.trial.rest;

/** Request and response examples shown in the OpenAPI document; the request examples are sent by the OpenAPI test. */
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
              "plannedParticipants": 2800,
              "enrolmentPeriod": {"start": "2027-01-01", "end": "2027-12-31"},
              "power": {"baselineIncidence": 0.30, "minimumDetectableDifference": 0.05, "alpha": 0.05, "power": 0.8},
              "monitoringPlan": {"informationFractions": [0.5, 0.75, 1], "spending": {"family": "asOF"}, "reportingLagDays": 14, "lookTime": "06:00"}
            }""";

    static final String SAMPLE_SIZE = """
            {
              "controlIncidence": 0.3,
              "treatmentIncidence": 0.35,
              "alpha": 0.05,
              "power": 0.8,
              "hazardRatio": 1.2077745392915846,
              "hazardRatioDerived": true,
              "arms": [
                {"arm": "treatment", "allocationWeight": 1, "control": false, "participants": 1404},
                {"arm": "control", "allocationWeight": 1, "control": true, "participants": 1404}
              ],
              "participants": 2808,
              "comparisons": [
                {"arm": "treatment", "versus": "control", "allocationRatio": 1.0, "armParticipants": 1403.319047777738,
                 "versusParticipants": 1403.319047777738, "eventsExact": 898.2597402138355, "events": 899,
                 "alpha": 0.05, "inflationFactor": 1.0196324941548311}
              ],
              "events": 899
            }""";

    /** The design of {@link #DESIGN} as a trial shows it: every field, null where the design has none. */
    private static final String DESIGN_AS_SHOWN = """
              "title": "Early intensive contact for young dagpenge recipients",
              "type": "RCT",
              "targetGroup": "DAGPENGE",
              "arms": [
                {"code": "treatment", "name": "Intensive contact", "allocationWeight": 1, "control": false},
                {"code": "control", "name": "Ordinary effort", "allocationWeight": 1, "control": true}
              ],
              "randomisation": {"method": "PERMUTED_BLOCK", "blockSizes": [4, 6], "stratifyBy": ["jobcentre", "ageBand"], "ageBands": [18, 25, 30],
                                "minimisationFactors": null, "minimisationProbability": null},
              "eligibility": {"benefitTypes": ["DAGPENGE"], "minAge": 18, "maxAge": 29, "maxWeeksUnemployed": 52},
              "jobcentres": ["101", "147", "751"],
              "primaryOutcome": {"type": "JOB_EXIT", "horizonWeeks": 26},
              "plannedParticipants": 2800,
              "enrolmentPeriod": {"start": "2027-01-01", "end": "2027-12-31"},
              "power": {"baselineIncidence": 0.3, "minimumDetectableDifference": 0.05, "alpha": 0.05, "power": 0.8, "hazardRatio": null},
              "monitoringPlan": {"informationFractions": [0.5, 0.75, 1.0], "spending": {"family": "asOF", "gamma": null}, "futility": null,
                                 "reportingLagDays": 14, "lookTime": "06:00", "legacy": false,
                                 "description": "formal looks at 0.5, 0.75, 1.0 of the planned information; asOF alpha spending; no futility; scheduled at 06:00 Europe/Copenhagen on a data cut 14 days back"},
              "jobcentreNames": {"101": "København", "147": "Frederiksberg", "751": "Aarhus"},
              "sampleSize": """ + SAMPLE_SIZE + """
            ,
              "warnings": [],
              "concealed": false,""";

    /** {@link #DESIGN} just created: a draft, not yet hashed, its sample size computed from its assumptions. */
    static final String DRAFT = """
            {
              "id": "5b0f7c1e-3d4a-4f51-9a57-0c4a8e7d2b10",
              "status": "DRAFT",
              "designHash": null,
              "plannedEvents": null,
              "amendment": 0,""" + DESIGN_AS_SHOWN + """
              "createdBy": "designer@star.dk",
              "createdAt": "2026-11-20T09:00:00Z",
              "updatedBy": "designer@star.dk",
              "updatedAt": "2026-11-20T09:00:00Z"
            }""";

    /** {@link #DESIGN} opened: frozen, hashed, its planned events stored. */
    static final String TRIAL = """
            {
              "id": "5b0f7c1e-3d4a-4f51-9a57-0c4a8e7d2b10",
              "status": "RECRUITING",
              "designHash": "3f1c0e8f0a7e3c2d9b6a4f1e0d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c",
              "plannedEvents": 899,
              "amendment": 0,""" + DESIGN_AS_SHOWN + """
              "createdBy": "designer@star.dk",
              "createdAt": "2026-11-20T09:00:00Z",
              "updatedBy": "designer@star.dk",
              "updatedAt": "2026-11-25T08:15:00Z"
            }""";

    /** {@link #TRIAL} as a jobcentre token reads it: nothing that would predict the next allocation. */
    static final String TRIAL_CONCEALED = """
            {
              "id": "5b0f7c1e-3d4a-4f51-9a57-0c4a8e7d2b10",
              "status": "RECRUITING",
              "designHash": null,
              "plannedEvents": 899,
              "amendment": 0,
              "title": "Early intensive contact for young dagpenge recipients",
              "type": "RCT",
              "targetGroup": "DAGPENGE",
              "arms": [
                {"code": "treatment", "name": "Intensive contact", "allocationWeight": 1, "control": false},
                {"code": "control", "name": "Ordinary effort", "allocationWeight": 1, "control": true}
              ],
              "randomisation": {"method": "PERMUTED_BLOCK", "blockSizes": null, "stratifyBy": ["jobcentre", "ageBand"], "ageBands": [18, 25, 30],
                                "minimisationFactors": null, "minimisationProbability": null},
              "eligibility": {"benefitTypes": ["DAGPENGE"], "minAge": 18, "maxAge": 29, "maxWeeksUnemployed": 52},
              "jobcentres": ["101", "147", "751"],
              "primaryOutcome": {"type": "JOB_EXIT", "horizonWeeks": 26},
              "plannedParticipants": 2800,
              "enrolmentPeriod": {"start": "2027-01-01", "end": "2027-12-31"},
              "power": {"baselineIncidence": 0.3, "minimumDetectableDifference": 0.05, "alpha": 0.05, "power": 0.8, "hazardRatio": null},
              "monitoringPlan": {"informationFractions": [0.5, 0.75, 1.0], "spending": {"family": "asOF", "gamma": null}, "futility": null,
                                 "reportingLagDays": 14, "lookTime": "06:00", "legacy": false,
                                 "description": "formal looks at 0.5, 0.75, 1.0 of the planned information; asOF alpha spending; no futility; scheduled at 06:00 Europe/Copenhagen on a data cut 14 days back"},
              "jobcentreNames": {"101": "København", "147": "Frederiksberg", "751": "Aarhus"},
              "sampleSize": """ + SAMPLE_SIZE + """
            ,
              "warnings": null,
              "concealed": true,
              "createdBy": "designer@star.dk",
              "createdAt": "2026-11-20T09:00:00Z",
              "updatedBy": "designer@star.dk",
              "updatedAt": "2026-11-25T08:15:00Z"
            }""";

    static final String AMENDMENT_REQUEST = """
            {
              "reason": "Aalborg and Odense join the trial; recruitment runs three months longer",
              "addJobcentres": ["851", "461"],
              "enrolmentPeriodEnd": "2028-03-31",
              "plannedParticipants": 3200
            }""";

    static final String AMENDMENT_REQUEST_LOOK = """
            {
              "reason": "The committee asks for an early look at a quarter of the information, on data a week old",
              "monitoringPlan": {"informationFractions": [0.25, 0.5, 0.75, 1], "reportingLagDays": 7}
            }""";

    static final String AMENDMENT = """
            {
              "number": 1,
              "reason": "Aalborg and Odense join the trial; recruitment runs three months longer",
              "addedJobcentres": ["851", "461"],
              "addedJobcentreNames": {"851": "Aalborg", "461": "Odense"},
              "enrolmentPeriodEndBefore": "2027-12-31",
              "enrolmentPeriodEnd": "2028-03-31",
              "plannedParticipantsBefore": 2800,
              "plannedParticipants": 3200,
              "monitoringPlanBefore": null,
              "monitoringPlan": null,
              "designHashBefore": "3f1c0e8f0a7e3c2d9b6a4f1e0d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c",
              "designHashAfter": "9a0d4c1b7e2f3a5c6d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4",
              "amendedBy": "designer@star.dk",
              "amendedAt": "2027-06-01T10:00:00Z"
            }""";

    static final String AMENDMENT_REFUSED = """
            {
              "type": "urn:trials:problem:unprocessable",
              "title": "Amendment refused",
              "status": 422,
              "detail": "The amendment breaks 1 rule",
              "errors": [{"field": "arms", "message": "arms never change once a trial has opened: allocations were made to them"}]
            }""";

    static final String AUDIT = """
            [
              {"action": "CREATED", "actor": "designer@star.dk", "at": "2026-11-20T09:00:00Z", "statusBefore": null,
               "statusAfter": "DRAFT", "designHashBefore": null,
               "designHashAfter": "3f1c0e8f0a7e3c2d9b6a4f1e0d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c", "detail": null, "warnings": []},
              {"action": "OPENED", "actor": "designer@star.dk", "at": "2026-11-25T08:15:00Z", "statusBefore": "DRAFT",
               "statusAfter": "RECRUITING", "designHashBefore": "3f1c0e8f0a7e3c2d9b6a4f1e0d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c",
               "designHashAfter": "3f1c0e8f0a7e3c2d9b6a4f1e0d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c", "detail": null, "warnings": []}
            ]""";

    static final String JOBCENTRE = """
            {"code": "101", "name": "København", "region": "Region Hovedstaden"}""";

    static final String JOBCENTRES = """
            [
              {"code": "101", "name": "København", "region": "Region Hovedstaden"},
              {"code": "147", "name": "Frederiksberg", "region": "Region Hovedstaden"},
              {"code": "151", "name": "Ballerup", "region": "Region Hovedstaden"}
            ]""";

    static final String SAMPLE_SIZE_REQUEST = """
            {
              "assumptions": {"baselineIncidence": 0.30, "minimumDetectableDifference": 0.05, "alpha": 0.05, "power": 0.8}
            }""";

    static final String SAMPLE_SIZE_REQUEST_WEIGHTED = """
            {
              "assumptions": {"baselineIncidence": 0.30, "minimumDetectableDifference": 0.05, "alpha": 0.05, "power": 0.8, "hazardRatio": 1.2},
              "arms": [
                {"code": "treatment", "allocationWeight": 2},
                {"code": "control", "allocationWeight": 1, "control": true}
              ]
            }""";

    static final String SAMPLE_SIZE_REQUEST_PLANNED = """
            {
              "assumptions": {"baselineIncidence": 0.30, "minimumDetectableDifference": 0.05, "alpha": 0.05, "power": 0.8},
              "monitoringPlan": {"informationFractions": [0.25, 0.5, 0.75, 1], "spending": {"family": "asP"},
                                 "futility": {"method": "BETA_SPENDING", "betaSpending": "bsOF"}}
            }""";

    private TrialExamples() {
    }
}
