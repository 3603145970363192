package dk.trials.outcome.messaging;

import dk.trials.events.EventType;
import dk.trials.events.enrolment.ParticipantEnrolled;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.outcome.service.EnrolmentProjection;
import dk.trials.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Counts participants in the aggregates as enrolment-events allocate them, in the transaction of the event. */
@ApplicationScoped
public class EnrolmentEventConsumer {

    private final Inbox inbox;
    private final Inbox.Routes routes;

    public EnrolmentEventConsumer(Inbox inbox, EnrolmentProjection projection) {
        this.inbox = inbox;
        this.routes = Inbox.on(EventType.PARTICIPANT_ENROLLED, ParticipantEnrolled.class, (envelope, enrolled) -> projection.enrolled(enrolled))
                .on(EventType.PARTICIPANT_WITHDRAWN, ParticipantWithdrawn.class, (envelope, withdrawn) -> projection.withdrawn(withdrawn));
    }

    @Incoming("enrolment-events")
    @Transactional
    public void onEnrolmentEvent(String json) {
        inbox.receive(json, routes);
    }
}
