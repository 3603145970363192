package dk.trials.enrolment.service;

import dk.trials.enrolment.TrialDocument;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.TrialStatus;
import dk.trials.sequential.SampleRatioMismatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Counts by arm, jobcentre and stratum with a sample-ratio-mismatch check per trial and per stratum.
 * <p>
 * Concealment: while a trial can still enrol (RECRUITING, PAUSED), arm counts per stratum or jobcentre would tell
 * how far the current block has run (permuted blocks) or which arm minimisation will prefer; even trial-wide counts do
 * so for a design with one stratum. So while recruiting, arm counts are shown only trial-wide and only for simple
 * randomisation, where past allocations say nothing of the next one; everywhere else the view shows participant totals
 * and the mismatch verdict (flagged or not) without the statistic. Once recruitment ends, everything is shown.
 */
@ApplicationScoped
public class RecruitmentReport {

    private static final Set<TrialStatus> CAN_ENROL = EnumSet.of(TrialStatus.RECRUITING, TrialStatus.PAUSED);

    private final KnownTrials trials;
    private final EntityManager entityManager;

    public RecruitmentReport(KnownTrials trials, EntityManager entityManager) {
        this.trials = trials;
        this.entityManager = entityManager;
    }

    private record Row(String jobcentre, String stratum, String arm, long participants, long withdrawn, long imported) {
    }

    public Recruitment of(UUID trialId) {
        ActiveTrial trial = trials.require(trialId);
        @SuppressWarnings("unchecked")
        List<Object[]> result = entityManager.createNativeQuery("""
                        select jobcentre, stratum, arm, count(*), count(withdrawn_on), count(*) filter (where imported)
                        from enrolment where trial_id = :trialId group by jobcentre, stratum, arm""")
                .setParameter("trialId", trialId)
                .getResultList();
        List<Row> rows = result.stream().map(r -> new Row((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue())).toList();

        List<String> arms = trial.design().arms().stream().map(TrialDocument.Arm::code).toList();
        int[] weights = trial.design().arms().stream().mapToInt(TrialDocument.Arm::allocationWeight).toArray();
        boolean recruiting = CAN_ENROL.contains(trial.status());
        boolean trialWideConcealed = recruiting && trial.allocator().method() != RandomisationMethod.SIMPLE;

        Map<String, Long> byArm = countByArm(rows, arms);
        SampleRatioMismatch overall = SampleRatioMismatch.of(counts(byArm, arms), weights);
        return new Recruitment(trialId, trial.status(), trial.allocator().method(),
                rows.stream().mapToLong(Row::participants).sum(), rows.stream().mapToLong(Row::withdrawn).sum(),
                rows.stream().mapToLong(Row::imported).sum(), recruiting,
                trialWideConcealed ? null : byArm, trialWideConcealed ? overall.concealed() : overall,
                groups(rows, Row::jobcentre, arms, weights, recruiting, false),
                groups(rows, Row::stratum, arms, weights, recruiting, true));
    }

    private static List<Recruitment.Group> groups(List<Row> rows, Function<Row, String> key, List<String> arms,
                                                      int[] weights, boolean conceal, boolean withCheck) {
        Map<String, List<Row>> grouped = new TreeMap<>();
        rows.forEach(r -> grouped.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        List<Recruitment.Group> groups = new ArrayList<>(grouped.size());
        grouped.forEach((name, members) -> {
            Map<String, Long> byArm = countByArm(members, arms);
            SampleRatioMismatch check = withCheck ? SampleRatioMismatch.of(counts(byArm, arms), weights) : null;
            groups.add(new Recruitment.Group(name, members.stream().mapToLong(Row::participants).sum(),
                    conceal ? null : byArm, check == null || !conceal ? check : check.concealed()));
        });
        return groups;
    }

    private static Map<String, Long> countByArm(List<Row> rows, List<String> arms) {
        Map<String, Long> byArm = new LinkedHashMap<>();
        arms.forEach(a -> byArm.put(a, 0L));
        rows.forEach(r -> byArm.merge(r.arm(), r.participants(), Long::sum));
        return byArm;
    }

    private static long[] counts(Map<String, Long> byArm, List<String> arms) {
        return arms.stream().mapToLong(a -> byArm.getOrDefault(a, 0L)).toArray();
    }
}
