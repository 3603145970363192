package dk.trials.outcome.rest;

/** What the CSV representations of the estimates, their history and the survival curves hold, with examples. */
final class EstimateCsvExamples {

    private static final String FORMAT = " RFC 4180 quoting, a header row, '.' as the decimal point, ISO dates, an "
            + "empty field for a figure that is null; JSON stays the default (also for */*).";

    private static final String MEASURES = "one row per arm and measure (versus empty: participants, events, "
            + "atRiskAtHorizon, cumulativeIncidence with lower/upper (log(−log) 95%) and standardError, "
            + "restrictedMeanTimeToJobExit) and per comparison with control and measure (riskDifference with its Wald "
            + "interval and standardError, hazardRatio with its 95% interval and Wald pValue, logHazardRatio with "
            + "its standardError, logRankChiSquare and stratifiedLogRankChiSquare with their pValue, "
            + "restrictedMeanDifference); reason says why a figure is null. Columns trialId, asOf, kind, look, "
            + "horizonDays, arm, versus, measure, estimate, lower, upper, standardError, pValue, reason.";

    static final String ESTIMATES_COLUMNS = "With Accept: text/csv the same figures in long format, " + MEASURES
            + " kind and look are empty (they name a point of the history). Monitoring stays in the JSON." + FORMAT;

    static final String HISTORY_COLUMNS = "With Accept: text/csv every point in the long format of GET /estimates' "
            + "CSV (the same columns, so the two files bind together): " + MEASURES + " kind is DAILY or LOOK and "
            + "look the formal look's number on LOOK points." + FORMAT;

    static final String SURVIVAL_COLUMNS = "With Accept: text/csv one row per arm and time point, with the columns "
            + "trialId, asOf, horizonDays, arm, participants, time (days), nRisk, nEvent, nCensor, surv, stdErr, "
            + "lower, upper (empty where the JSON has null) and cumulativeIncidence." + FORMAT;

    static final String ESTIMATES = """
            trialId,asOf,kind,look,horizonDays,arm,versus,measure,estimate,lower,upper,standardError,pValue,reason
            6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c,2027-06-30,,,182,control,,participants,1000,,,,,
            6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c,2027-06-30,,,182,control,,events,312,,,,,
            6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c,2027-06-30,,,182,control,,cumulativeIncidence,0.351,0.321,0.382,0.0155,,
            6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c,2027-06-30,,,182,treatment,control,riskDifference,0.047,0.004,0.09,0.0219,,
            6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c,2027-06-30,,,182,treatment,control,hazardRatio,1.18,1.02,1.36,,0.026,
            6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c,2027-06-30,,,182,treatment,control,logRankChiSquare,4.9,,,,0.027,
            """;

    static final String HISTORY = """
            trialId,asOf,kind,look,horizonDays,arm,versus,measure,estimate,lower,upper,standardError,pValue,reason
            6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c,2027-06-29,DAILY,,182,treatment,control,hazardRatio,1.17,1.01,1.35,,0.031,
            6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c,2027-06-30,LOOK,1,182,treatment,control,hazardRatio,1.18,1.02,1.36,,0.026,
            6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c,2027-06-30,DAILY,,182,treatment,control,hazardRatio,1.18,1.02,1.36,,0.026,
            """;

    static final String SURVIVAL = """
            trialId,asOf,horizonDays,arm,participants,time,nRisk,nEvent,nCensor,surv,stdErr,lower,upper,cumulativeIncidence
            6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c,2027-06-30,182,control,1000,0,1000,2,0,0.998,0.0014128,0.9920181,0.9994999,0.002
            6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c,2027-06-30,182,control,1000,1,998,0,3,0.998,0.0014128,0.9920181,0.9994999,0.002
            """;

    private EstimateCsvExamples() {
    }
}
