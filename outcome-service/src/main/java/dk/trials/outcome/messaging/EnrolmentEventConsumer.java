package dk.trials.outcome.messaging;

import dk.trials.events.EventType;
import dk.trials.events.enrolment.ParticipantEnrolled;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.outcome.service.EnrolmentProjection;
import dk.trials.platform.inbox.Inbox;
import dk.trials.platform.inbox.RetryingInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Counts participants in the aggregates as enrolment-events allocate them, in the transaction of the event. */
@ApplicationScoped
public class EnrolmentEventConsumer {

    private final RetryingInbox inbox;
    private final Inbox.Routes routes;

    public EnrolmentEventConsumer(RetryingInbox inbox, EnrolmentProjection projection) {
        this.inbox = inbox;
        this.routes = Inbox.on(EventType.PARTICIPANT_ENROLLED, ParticipantEnrolled.class, (envelope, enrolled) -> projection.enrolled(enrolled))
                .on(EventType.PARTICIPANT_WITHDRAWN, ParticipantWithdrawn.class, (envelope, withdrawn) -> projection.withdrawn(withdrawn));
    }

    /** One record at a time (blocking, ordered): a record retried after a transient failure holds back the rest. */
    @Incoming("enrolment-events")
    @Blocking
    public CompletionStage<Void> onEnrolmentEvent(Message<String> record) {
        return inbox.deliver(record, routes);
    }

    /** How this consumer applies a record, for replaying one from its dead-letter topic. */
    public Inbox.Routes routes() {
        return routes;
    }
}
