package dk.trials.outcome.service;

import dk.trials.events.trial.TrialStatus;
import dk.trials.outcome.TrialPlan;
import dk.trials.outcome.TrialScreening;
import dk.trials.sequential.SampleRatioMismatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Every trial outcome-service knows, with its recruitment and flow, read from the aggregates (enrolment counts, the
 * per-day ends of follow-up), the withdrawals and enrolment-service's counts of exclusions: counts only, never a
 * participant.
 * <p>
 * Concealment: while a trial can still enrol, arm counts by jobcentre would tell how far a jobcentre's current block
 * has run (permuted blocks by jobcentre) or which arm minimisation will prefer there. outcome-service does not keep
 * the randomisation method, so it withholds them for every trial that can enrol, which is at least as strict as
 * enrolment-service's recruitment report. Trial-wide counts by arm are shown, as the estimates show them to the same
 * roles.
 */
@ApplicationScoped
public class TrialOverviews {

    private static final Set<TrialStatus> CAN_ENROL = EnumSet.of(TrialStatus.RECRUITING, TrialStatus.PAUSED);

    private final EntityManager entityManager;

    public TrialOverviews(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    private record Key(UUID trialId, String arm) {
    }

    @Transactional
    public List<TrialOverview> all() {
        Map<UUID, Map<String, Map<String, Long>>> enrolled = enrolledByJobcentreAndArm();
        Map<Key, Long> withdrawn = counts("""
                select trial_id, arm, count(*) from participant where withdrawn_on is not null group by trial_id, arm""");
        Map<Key, long[]> ends = endsWithinHorizon();
        Map<UUID, TrialOverview.Screening> screenings = screenings();
        List<TrialPlan> plans = TrialPlan.list("order by enrolmentStart desc nulls last, id");
        List<TrialOverview> overviews = new ArrayList<>(plans.size());
        for (TrialPlan plan : plans) {
            overviews.add(overview(plan, enrolled.getOrDefault(plan.id, Map.of()), withdrawn, ends,
                    screenings.get(plan.id)));
        }
        return overviews;
    }

    private static TrialOverview overview(TrialPlan plan, Map<String, Map<String, Long>> byJobcentreAndArm,
                                          Map<Key, Long> withdrawn, Map<Key, long[]> ends,
                                          TrialOverview.Screening screening) {
        boolean concealed = CAN_ENROL.contains(plan.status);
        Map<String, Long> byArm = zeroPerArm(plan.arms);
        List<TrialOverview.JobcentreRecruitment> byJobcentre = new ArrayList<>();
        byJobcentreAndArm.forEach((jobcentre, arms) -> {
            Map<String, Long> jobcentreByArm = zeroPerArm(plan.arms);
            arms.forEach((arm, n) -> {
                jobcentreByArm.merge(arm, n, Long::sum);
                byArm.merge(arm, n, Long::sum);
            });
            byJobcentre.add(new TrialOverview.JobcentreRecruitment(jobcentre,
                    jobcentreByArm.values().stream().mapToLong(Long::longValue).sum(), concealed ? null : jobcentreByArm));
        });
        long[] counts = plan.arms.stream().mapToLong(byArm::get).toArray();
        int[] weights = plan.allocationWeights == null ? plan.arms.stream().mapToInt(a -> 1).toArray()
                : plan.allocationWeights.stream().mapToInt(Integer::intValue).toArray();
        List<TrialOverview.ArmFlow> flow = plan.arms.stream().map(arm -> {
            long[] armEnds = ends.getOrDefault(new Key(plan.id, arm), new long[2]);
            long allocated = byArm.get(arm);
            return new TrialOverview.ArmFlow(arm, allocated, withdrawn.getOrDefault(new Key(plan.id, arm), 0L),
                    armEnds[0], armEnds[1], allocated);
        }).toList();
        return new TrialOverview(plan.id, plan.status, List.copyOf(plan.arms), plan.controlArm, plan.horizonDays,
                byArm.values().stream().mapToLong(Long::longValue).sum(), byArm, concealed, byJobcentre,
                SampleRatioMismatch.of(counts, weights), flow, screening);
    }

    private static Map<UUID, TrialOverview.Screening> screenings() {
        Map<UUID, TrialOverview.Screening> screenings = new HashMap<>();
        TrialScreening.<TrialScreening>streamAll().forEach(s -> screenings.put(s.trialId, new TrialOverview.Screening(
                s.allocated + s.excluded, s.excluded, Map.copyOf(s.excludedByReason), s.countedAt)));
        return screenings;
    }

    private static Map<String, Long> zeroPerArm(List<String> arms) {
        Map<String, Long> perArm = new LinkedHashMap<>();
        arms.forEach(arm -> perArm.put(arm, 0L));
        return perArm;
    }

    private Map<UUID, Map<String, Map<String, Long>>> enrolledByJobcentreAndArm() {
        Map<UUID, Map<String, Map<String, Long>>> enrolled = new HashMap<>();
        for (Object[] row : rows("""
                select trial_id, jobcentre, arm, sum(participants) from enrolment_count
                group by trial_id, jobcentre, arm""")) {
            enrolled.computeIfAbsent((UUID) row[0], t -> new TreeMap<>())
                    .computeIfAbsent((String) row[1], j -> new HashMap<>())
                    .put((String) row[2], ((Number) row[3]).longValue());
        }
        return enrolled;
    }

    /** Job exits and censorings by arm on days of follow-up up to the horizon: what the estimates count as events. */
    private Map<Key, long[]> endsWithinHorizon() {
        Map<Key, long[]> ends = new HashMap<>();
        for (Object[] row : rows("""
                select d.trial_id, d.arm, sum(d.job_exits), sum(d.censorings) from follow_up_day d
                join trial_plan p on p.id = d.trial_id where d.day <= p.horizon_days group by d.trial_id, d.arm""")) {
            ends.put(new Key((UUID) row[0], (String) row[1]),
                    new long[]{((Number) row[2]).longValue(), ((Number) row[3]).longValue()});
        }
        return ends;
    }

    private Map<Key, Long> counts(String sql) {
        Map<Key, Long> counts = new HashMap<>();
        for (Object[] row : rows(sql)) {
            counts.put(new Key((UUID) row[0], (String) row[1]), ((Number) row[2]).longValue());
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return entityManager.createNativeQuery(sql).getResultList();
    }
}
