package dk.trials.enrolment.service;

import dk.trials.enrolment.ParticipantDataRead;
import dk.trials.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/** Leaves the audit row of a read of participant-level data: who read what, when; never a CPR number. */
@ApplicationScoped
public class ParticipantReads {

    private final Clock clock;

    public ParticipantReads(Clock clock) {
        this.clock = clock;
    }

    /** In the reading request's transaction, so that an answer is never given without its audit row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID trialId, ParticipantDataRead.Subject subject, UUID enrolmentId, int participants, Caller caller) {
        ParticipantDataRead read = new ParticipantDataRead();
        read.id = UUID.randomUUID();
        read.trialId = trialId;
        read.subject = subject;
        read.enrolmentId = enrolmentId;
        read.participants = participants;
        read.readBy = caller.name();
        read.readAt = clock.instant();
        read.persist();
    }
}
