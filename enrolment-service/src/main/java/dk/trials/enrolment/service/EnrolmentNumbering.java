package dk.trials.enrolment.service;

import dk.trials.enrolment.messaging.EnrolmentEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
     * holds (an import, another replica's round) is passed over until the next round. Returns how many were numbered.
     * Each batch reads the queue once: the number rows are locked in the same statement, for the trials its rows name.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int numberWaiting() {
        Set<UUID> passedOver = new HashSet<>();
        int numbered = 0;
        Batch batch;
        boolean created;
        do {
            batch = numberBatch(null, passedOver);
            numbered += publish(batch);
            // A trial's number row is made at its first numbering; one that is held elsewhere is passed over from
            // here on, so that its queued enrolments, however many, do not keep other trials' from theirs.
            Set<UUID> newTrials = createNumberRows(batch.trialsLeft());
            created = !newTrials.isEmpty();
            batch.trialsLeft().stream().filter(trial -> !newTrials.contains(trial)).forEach(passedOver::add);
        } while (batch.queued() == BATCH || created);
        return numbered;
    }

    /**
     * Numbers the trial's committed enrolments now, waiting for its number row if another transaction holds it: for
     * an import, whose enrolments must be numbered in its own transaction, and for a change to an enrolment whose
     * event must follow the enrolment's own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int numberTrial(UUID trialId) {
        holdNumberRow(trialId);
        int numbered = 0;
        Batch batch;
        do {
            batch = numberBatch(trialId, Set.of());
            numbered += publish(batch);
        } while (batch.queued() == BATCH);
        return numbered;
    }

    /**
     * Takes the trial's number row, made at the trial's first enrolment if need be, and holds it to this transaction's
     * end, waiting while another transaction holds it: no round numbers the trial meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdNumberRow(UUID trialId) {
        entityManager.createNativeQuery("""
                        insert into enrolment_number (trial_id, last) values (:trialId, 0)
                        on conflict (trial_id) do update set last = enrolment_number.last""")
                .setParameter("trialId", trialId).executeUpdate();
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

    /** What one statement did: the enrolments it numbered, how many it took from the queue, and the trials it left. */
    private record Batch(List<Numbered> numbered, int queued, Set<UUID> trialsLeft) {
    }

    private int publish(Batch batch) {
        events.enrolled(batch.numbered());
        return batch.numbered().size();
    }

    /** Makes the number rows of those of the trials that have none yet; returns the trials it made them for. */
    private Set<UUID> createNumberRows(Set<UUID> trials) {
        if (trials.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> created = entityManager.createNativeQuery("""
                        insert into enrolment_number (trial_id, last) select id, 0 from known_trial
                        where id in (:trials) on conflict (trial_id) do nothing returning trial_id""")
                .setParameter("trials", trials)
                .getResultList();
        return Set.copyOf(created);
    }

    /**
     * One statement: takes up to {@link #BATCH} waiting enrolments in the order they were queued (of {@code trialId}
     * only, if given; else of any trial but those passed over), locks their trials' number rows, gives each enrolment
     * the next number of its trial, and advances the trials' last numbers. For a round everything is locked with
     * {@code skip locked}, so a round never waits: a trial whose number row another transaction holds keeps its
     * enrolments queued. The queue rows are locked as well: a row that another transaction numbered and deleted after
     * this statement's snapshot was taken is then left out, not numbered twice.
     */
    private Batch numberBatch(UUID trialId, Set<UUID> passedOver) {
        String ofTrials = trialId != null ? "where trial_id = :trialId"
                : passedOver.isEmpty() ? "" : "where trial_id not in (:passedOver)";
        String lock = trialId != null ? "for update" : "for update skip locked";
        var statement = entityManager.createNativeQuery("""
                        with queued as materialized (
                            select id, enrolment_id, trial_id, traceparent from unnumbered_enrolment %1$s
                            order by id limit :limit %2$s
                        ), locked as materialized (
                            select trial_id, last from enrolment_number
                            where trial_id in (select trial_id from queued) %2$s
                        ), numbered as (
                            select q.*, l.last + row_number() over (partition by q.trial_id order by q.id) as sequence
                            from queued q join locked l on l.trial_id = q.trial_id
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
                        select q.trial_id as queued_for, e.* from queued q left join enrolled e on e.queued = q.id
                        order by q.id""".formatted(ofTrials, lock))
                .setParameter("limit", BATCH);
        if (trialId != null) {
            statement.setParameter("trialId", trialId);
        } else if (!passedOver.isEmpty()) {
            statement.setParameter("passedOver", passedOver);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = statement.getResultList();
        List<Numbered> numbered = new ArrayList<>(rows.size());
        Set<UUID> left = new HashSet<>();
        for (Object[] r : rows) {
            if (r[2] == null) {
                left.add((UUID) r[0]);
                continue;
            }
            numbered.add(new Numbered((UUID) r[2], (UUID) r[3], (String) r[4], (String) r[5], (String) r[6],
                    (String) r[7], Instant.ofEpochMilli(((Number) r[8]).longValue()),
                    LocalDate.ofEpochDay(((Number) r[9]).longValue()), (Boolean) r[10], ((Number) r[11]).longValue(),
                    (String) r[12]));
        }
        return new Batch(numbered, rows.size(), left);
    }
}
