package dk.trials.enrolment.service;

import dk.trials.platform.cpr.TrialPseudonym;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The citizens assessed for a trial and found not eligible, by the citizen pseudonym enrolment uses (never a CPR
 * number; never published), for the top of the trial's CONSORT flow. A citizen asked for again counts once, with the
 * reasons of the latest refusal, and one enrolled later is no longer excluded.
 */
@ApplicationScoped
public class EligibilityScreenings {

    private final EntityManager entityManager;
    private final Clock clock;

    public EligibilityScreenings(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** In a transaction of its own: the refusal that follows rolls back nothing of it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(UUID trialId, TrialPseudonym citizen, List<Ineligibility> failures) {
        String reasons = failures.stream().map(f -> f.reason().name()).distinct().sorted()
                .collect(Collectors.joining(",", "{", "}"));
        entityManager.createNativeQuery("""
                        insert into eligibility_screening (trial_id, citizen, reasons, screened_at)
                        values (:trialId, :citizen, cast(:reasons as text[]), :at)
                        on conflict (trial_id, citizen) do update set reasons = excluded.reasons,
                            screened_at = excluded.screened_at""")
                .setParameter("trialId", trialId)
                .setParameter("citizen", citizen.citizen())
                .setParameter("reasons", reasons)
                .setParameter("at", clock.instant())
                .executeUpdate();
    }

    /** Every trial's excluded citizens, as one statement sees them; a trial without any is left out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Exclusions> excludedPerTrial() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        with excluded as (
                            select s.trial_id, s.reasons from eligibility_screening s
                            where not exists (select 1 from enrolment e
                                              where e.trial_id = s.trial_id and e.citizen = s.citizen))
                        select trial_id, cast(null as text), count(*) from excluded group by trial_id
                        union all
                        select trial_id, r.reason, count(*) from excluded cross join unnest(reasons) as r (reason)
                        group by trial_id, r.reason""")
                .getResultList();
        Map<UUID, Long> citizens = new HashMap<>();
        Map<UUID, Map<ExclusionReason, Long>> byReason = new HashMap<>();
        for (Object[] row : rows) {
            UUID trialId = (UUID) row[0];
            long count = ((Number) row[2]).longValue();
            if (row[1] == null) {
                citizens.put(trialId, count);
            } else {
                byReason.computeIfAbsent(trialId, id -> new EnumMap<>(ExclusionReason.class))
                        .put(ExclusionReason.valueOf((String) row[1]), count);
            }
        }
        Map<UUID, Exclusions> exclusions = new HashMap<>();
        citizens.forEach((trialId, n) -> exclusions.put(trialId, new Exclusions(n, byReason.get(trialId))));
        return exclusions;
    }
}
