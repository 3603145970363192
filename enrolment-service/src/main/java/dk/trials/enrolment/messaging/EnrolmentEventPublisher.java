package dk.trials.enrolment.messaging;

import dk.trials.events.EventType;
import dk.trials.events.enrolment.ParticipantEnrolled;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.platform.outbox.Outbox;
import dk.trials.enrolment.Enrolment;
import jakarta.enterprise.context.ApplicationScoped;

/** Publishes enrolments and withdrawals on {@code enrolment-events} through the outbox, in the caller's transaction. */
@ApplicationScoped
public class EnrolmentEventPublisher {

    private final Outbox outbox;

    public EnrolmentEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void enrolled(Enrolment e) {
        outbox.publish(EventType.PARTICIPANT_ENROLLED, e.trialId, new ParticipantEnrolled(e.id, e.trialId,
                e.participant, e.arm, e.jobcentre, e.stratum, e.enrolledAt, e.enrolledOn, e.imported));
    }

    public void withdrawn(Enrolment e) {
        outbox.publish(EventType.PARTICIPANT_WITHDRAWN, e.trialId,
                new ParticipantWithdrawn(e.id, e.trialId, e.participant, e.withdrawnOn));
    }
}
