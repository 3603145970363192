package dk.trials.enrolment.service;

import dk.trials.enrolment.messaging.EnrolmentEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Numbers committed enrolments within their trial, 1, 2, 3 … without gaps, and writes their
 * {@code PARTICIPANT_ENROLLED} events to the outbox in the same transaction. An enrolment commits with a row in
 * {@code unnumbered_enrolment}, not with a number: taking the trial's number row in the enrolment's own transaction
 * held it through that commit, so enrolments into one trial committed one at a time. Here one transaction numbers
 * every committed enrolment of a trial under its {@code enrolment_number} row, so a number is only ever given to an
 * enrolment that has committed, and the allocation checkpoint, which reads the last number, counts exactly the
 * enrolments numbered up to it.
 */
@ApplicationScoped
public class EnrolmentNumbering {

    /** Enrolments numbered per statement; a round repeats it until the trials' queue is empty. */
    static final int BATCH = 500;

    private final EntityManager entityManager;
    private final EnrolmentEventPublisher events;

    public EnrolmentNumbering(EntityManager entityManager, EnrolmentEventPublisher events) {
        this.entityManager = entityManager;
        this.events = events;
    }

    /** An enrolment as numbered, with the trace context of the request that made it, for its event. */
    public record Numbered(UUID enrolmentId, UUID trialId, String participant, String arm, String jobcentre,
                           String stratum, Instant enrolledAt, LocalDate enrolledOn, boolean imported, long sequence,
                           String traceparent) {
    }

    /**
     * Numbers the committed enrolments of every trial whose number row is free; a trial whose row another transaction
     * holds (an import, another replica's round) is left for the next round. Returns how many were numbered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int numberWaiting() {
        return number(lockTrials(null, true));
    }

    /**
     * Numbers the trial's committed enrolments now, waiting for its number row if another transaction holds it: for
     * an import, whose enrolments must be numbered in its own transaction, and for a change to an enrolment whose
     * event must follow the enrolment's own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int numberTrial(UUID trialId) {
        return number(lockTrials(trialId, false));
    }

    /**
     * Numbers the enrolment's trial first if the enrolment is still waiting for its number, so that an event about
     * it (withdrawal, transfer) is written after the event of its enrolment. Call it before locking the enrolment's
     * row: numbering takes the trial's number row first and the enrolment rows after it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void numberBeforeChangeOf(UUID trialId, UUID enrolmentId) {
        boolean waiting = !entityManager.createNativeQuery(
                        "select 1 from unnumbered_enrolment where enrolment_id = :id")
                .setParameter("id", enrolmentId).getResultList().isEmpty();
        if (waiting) {
            numberTrial(trialId);
        }
    }

    /**
     * Locks the number rows of the trials with waiting enrolments (of {@code trialId} only, if given), creating a
     * trial's row at its first enrolment; with {@code skipLocked} a row held elsewhere is passed over.
     */
    private List<UUID> lockTrials(UUID trialId, boolean skipLocked) {
        String ofTrial = trialId == null ? "" : " where trial_id = :trialId";
        var create = entityManager.createNativeQuery("""
                insert into enrolment_number (trial_id, last)
                select distinct trial_id, 0 from unnumbered_enrolment%s
                on conflict (trial_id) do nothing""".formatted(ofTrial));
        var lock = entityManager.createNativeQuery("""
                select trial_id from enrolment_number
                where trial_id in (select trial_id from unnumbered_enrolment%s)
                for update%s""".formatted(ofTrial, skipLocked ? " skip locked" : ""));
        if (trialId != null) {
            create.setParameter("trialId", trialId);
            lock.setParameter("trialId", trialId);
        }
        create.executeUpdate();
        @SuppressWarnings("unchecked")
        List<UUID> locked = lock.getResultList();
        return locked;
    }

    private int number(Collection<UUID> trials) {
        if (trials.isEmpty()) {
            return 0;
        }
        int numbered = 0;
        List<Numbered> batch;
        do {
            batch = numberBatch(trials);
            events.enrolled(batch);
            numbered += batch.size();
        } while (batch.size() == BATCH);
        return numbered;
    }

    /**
     * One statement: takes up to {@link #BATCH} of the trials' waiting enrolments in the order they were queued,
     * gives each the next number of its trial, and advances the trials' last numbers. The number rows are locked by
     * this transaction, so no one else numbers these trials meanwhile.
     */
    private List<Numbered> numberBatch(Collection<UUID> trials) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        with batch as (
                            select id, enrolment_id, trial_id, traceparent from unnumbered_enrolment
                            where trial_id in (:trials) order by id limit :limit
                        ), numbered as (
                            select b.*, n.last + row_number() over (partition by b.trial_id order by b.id) as sequence
                            from batch b join enrolment_number n on n.trial_id = b.trial_id
                        ), taken as (
                            delete from unnumbered_enrolment u using numbered where u.id = numbered.id
                        ), advanced as (
                            update enrolment_number n set last = m.last
                            from (select trial_id, max(sequence) as last from numbered group by trial_id) m
                            where n.trial_id = m.trial_id
                        ), enrolled as (
                            update enrolment e set sequence = numbered.sequence from numbered
                            where e.id = numbered.enrolment_id
                            returning numbered.id as queued, e.id, e.trial_id, e.participant, e.arm, e.jobcentre,
                                      e.stratum, cast(extract(epoch from e.enrolled_at) * 1000 as bigint),
                                      e.enrolled_on - date '1970-01-01', e.imported, e.sequence, numbered.traceparent
                        )
                        select * from enrolled order by queued""")
                .setParameter("trials", trials)
                .setParameter("limit", BATCH)
                .getResultList();
        return rows.stream().map(r -> new Numbered((UUID) r[1], (UUID) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], Instant.ofEpochMilli(((Number) r[7]).longValue()),
                LocalDate.ofEpochDay(((Number) r[8]).longValue()), (Boolean) r[9], ((Number) r[10]).longValue(),
                (String) r[11])).toList();
    }
}
