package dk.trials.enrolment.messaging;

import dk.trials.events.EventType;
import dk.trials.events.enrolment.AllocationCheckpoint;
import dk.trials.events.enrolment.EligibilityScreening;
import dk.trials.events.enrolment.ParticipantEnrolled;
import dk.trials.events.enrolment.ParticipantTransferred;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.platform.outbox.Outbox;
import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.EnrolmentTransfer;
import dk.trials.enrolment.service.AllocationCount;
import dk.trials.enrolment.service.EnrolmentNumbering;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Publishes enrolments, withdrawals, transfers and allocation checkpoints (with the trial's exclusions) on {@code enrolment-events} through the
 * outbox, in the caller's transaction.
 */
@ApplicationScoped
public class EnrolmentEventPublisher {

    private final Outbox outbox;

    public EnrolmentEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Numbered enrolments, each with the trace context of the request that enrolled it. */
    public void enrolled(List<EnrolmentNumbering.Numbered> numbered) {
        outbox.publishAll(numbered.stream().map(e -> new Outbox.Publication(EventType.PARTICIPANT_ENROLLED, e.trialId(),
                new ParticipantEnrolled(e.enrolmentId(), e.trialId(), e.participant(), e.arm(), e.jobcentre(),
                        e.stratum(), e.enrolledAt(), e.enrolledOn(), e.imported(), e.sequence()),
                e.traceparent())).toList());
    }

    public void withdrawn(Enrolment e) {
        outbox.publish(EventType.PARTICIPANT_WITHDRAWN, e.trialId,
                new ParticipantWithdrawn(e.id, e.trialId, e.participant, e.withdrawnOn));
    }

    public void transferred(Enrolment e, EnrolmentTransfer t) {
        outbox.publish(EventType.PARTICIPANT_TRANSFERRED, e.trialId, new ParticipantTransferred(e.id, e.trialId,
                e.participant, t.fromJobcentre, t.toJobcentre, t.transferredAt));
    }

    public void checkpoint(AllocationCount count) {
        Map<String, Long> byReason = new TreeMap<>();
        count.excluded().byReason().forEach((reason, n) -> byReason.put(reason.name(), n));
        outbox.publish(EventType.ALLOCATION_CHECKPOINT, count.trialId(), new AllocationCheckpoint(count.trialId(),
                count.upToSequence(), count.perArm(), count.withdrawn(), count.countedAt(),
                new EligibilityScreening(count.excluded().citizens(), byReason)));
    }
}
