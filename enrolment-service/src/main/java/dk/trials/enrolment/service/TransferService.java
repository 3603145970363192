package dk.trials.enrolment.service;

import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.EnrolmentTransfer;
import dk.trials.enrolment.messaging.EnrolmentEventPublisher;
import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands a participant to another jobcentre of the trial. The allocation is never changed: the transfer is recorded
 * beside it (who, when, why: the audit), published, and from then on the new jobcentre is the one that acts for the
 * participant.
 */
@ApplicationScoped
public class TransferService {

    private static final Logger LOG = Logger.getLogger(TransferService.class);

    private final KnownTrials trials;
    private final EntityManager entityManager;
    private final EnrolmentEventPublisher events;
    private final EnrolmentNumbering numbering;
    private final Clock clock;

    public TransferService(KnownTrials trials, EntityManager entityManager, EnrolmentEventPublisher events,
                           EnrolmentNumbering numbering, Clock clock) {
        this.trials = trials;
        this.entityManager = entityManager;
        this.events = events;
        this.numbering = numbering;
        this.clock = clock;
    }

    @Transactional
    public Participant transfer(UUID trialId, UUID enrolmentId, TransferParticipant command, Caller caller) {
        ActiveTrial trial = trials.require(trialId);
        // Its withdrawal or transfer is published after its enrolment, which may be waiting for its number still.
        numbering.numberBeforeChangeOf(trialId, enrolmentId);
        Enrolment enrolment = Enrolment.findById(enrolmentId);
        if (enrolment == null || !enrolment.trialId.equals(trialId)) {
            throw ProblemException.notFound("No such enrolment in this trial");
        }
        if (!trial.hasJobcentre(command.jobcentre())) {
            throw ProblemException.brokenRules("Invalid transfer", "transfer",
                    List.of(new FieldError("jobcentre", "is not a jobcentre of the trial")));
        }
        Optional<EnrolmentTransfer> latest = EnrolmentTransfer.latestOf(enrolmentId);
        String from = latest.map(t -> t.toJobcentre).orElse(enrolment.jobcentre);
        if (from.equals(command.jobcentre())) {
            throw ProblemException.conflict("The participant is already with that jobcentre");
        }
        EnrolmentTransfer transfer = new EnrolmentTransfer();
        transfer.id = UUID.randomUUID();
        transfer.enrolmentId = enrolmentId;
        transfer.trialId = trialId;
        transfer.number = latest.map(t -> t.number + 1).orElse(1);
        transfer.fromJobcentre = from;
        transfer.toJobcentre = command.jobcentre();
        transfer.reason = command.reason();
        transfer.transferredBy = caller.name();
        transfer.transferredAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!recorded(transfer)) {
            throw ProblemException.conflict("Another transfer of the participant was recorded at the same time");
        }
        events.transferred(enrolment, transfer);
        LOG.infof("Enrolment %s of trial %s transferred from jobcentre %s to %s by %s (transfer %d)",
                enrolmentId, trialId, from, transfer.toJobcentre, transfer.transferredBy, transfer.number);
        return new Participant(enrolment, transfer.toJobcentre);
    }

    /** False where a concurrent transfer took the same number: only one of two racing transfers is recorded. */
    private boolean recorded(EnrolmentTransfer t) {
        return entityManager.createNativeQuery("""
                        insert into enrolment_transfer (id, enrolment_id, trial_id, number, from_jobcentre, to_jobcentre,
                                                        reason, transferred_by, transferred_at)
                        values (:id, :enrolmentId, :trialId, :number, :from, :to, :reason, :by, :at)
                        on conflict (enrolment_id, number) do nothing""")
                .setParameter("id", t.id)
                .setParameter("enrolmentId", t.enrolmentId)
                .setParameter("trialId", t.trialId)
                .setParameter("number", t.number)
                .setParameter("from", t.fromJobcentre)
                .setParameter("to", t.toJobcentre)
                .setParameter("reason", t.reason)
                .setParameter("by", t.transferredBy)
                .setParameter("at", t.transferredAt)
                .executeUpdate() == 1;
    }
}
