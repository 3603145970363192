package dk.trials.outcome.messaging;

import dk.trials.events.EventType;
import dk.trials.events.MalformedEventException;
import dk.trials.events.enrolment.AllocationCheckpoint;
import dk.trials.events.enrolment.ParticipantEnrolled;
import dk.trials.events.enrolment.ParticipantTransferred;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.outcome.service.AllocationReconciliation;
import dk.trials.outcome.service.EnrolmentProjection;
import dk.trials.outcome.service.TrialScreenings;
import dk.trials.platform.inbox.Inbox;
import dk.trials.platform.inbox.RetryingInbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/**
 * Counts participants in the aggregates as enrolment-events allocate them, with their enrolment numbers, follows
 * their withdrawals and transfers, checks them against enrolment-service's allocation checkpoints and keeps the
 * checkpoints' counts of exclusions, in the transaction of the events.
 */
@ApplicationScoped
public class EnrolmentEventConsumer {

    private final RetryingInbox inbox;
    private final Inbox.Routes routes;

    public EnrolmentEventConsumer(RetryingInbox inbox, EnrolmentProjection projection,
                                  AllocationReconciliation reconciliation, TrialScreenings screenings) {
        this.inbox = inbox;
        this.routes = Inbox.onRuns(EventType.PARTICIPANT_ENROLLED, ParticipantEnrolled.class, enrolments -> {
                    for (ParticipantEnrolled enrolled : enrolments) {
                        if (enrolled.sequence() != null && enrolled.sequence() < 1) {
                            throw new MalformedEventException("Enrolment " + enrolled.enrolmentId() + " has number "
                                    + enrolled.sequence() + "; numbers start at 1", null);
                        }
                    }
                    projection.enrolled(enrolments);
                })
                .on(EventType.PARTICIPANT_WITHDRAWN, ParticipantWithdrawn.class, (envelope, withdrawn) -> projection.withdrawn(withdrawn))
                .on(EventType.PARTICIPANT_TRANSFERRED, ParticipantTransferred.class,
                        (envelope, transferred) -> projection.transferred(transferred))
                .on(EventType.ALLOCATION_CHECKPOINT, AllocationCheckpoint.class, (envelope, checkpoint) -> {
                    // The reconciliation reads the checkpoint's trial and time first, and refuses one without them.
                    reconciliation.check(envelope, checkpoint);
                    screenings.counted(envelope, checkpoint);
                });
    }

    /**
     * A poll's records at a time (the channel's {@code batch=true}; blocking, ordered), in one transaction: a batch
     * retried after a transient failure holds back the rest. A transaction, seven statements and an offset commit
     * per record were most of what an enrolment cost this service and its database.
     */
    @Incoming("enrolment-events")
    @Blocking
    public CompletionStage<Void> onEnrolmentEvents(KafkaRecordBatch<String, String> records) {
        return inbox.deliverAll(records, routes);
    }

    /** How this consumer applies a record, for replaying one from its dead-letter topic. */
    public Inbox.Routes routes() {
        return routes;
    }
}
