package dk.trials.outcome.messaging;

import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.outcome.OutcomeReported;
import dk.trials.outcome.service.IncomingOutcome;
import dk.trials.outcome.service.OutcomeIngestion;
import dk.trials.platform.inbox.Inbox;
import dk.trials.platform.inbox.RetryingInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Register feeds on outcome-events. A feed cannot be answered, so an outcome that breaks a rule is kept as REJECTED
 * with its reason (for the report), and one without any participant yet waits as PENDING_ENROLMENT. Each record is
 * applied in a transaction of its own (its first-delivery mark, the outcome and the aggregates together), so a
 * formal look, which reads the aggregates in one statement, sees a record wholly or not at all.
 */
@ApplicationScoped
public class OutcomeEventConsumer {

    private static final Logger LOG = Logger.getLogger(OutcomeEventConsumer.class);

    private final RetryingInbox inbox;
    private final OutcomeIngestion ingestion;
    private final Inbox.Routes routes;

    public OutcomeEventConsumer(RetryingInbox inbox, OutcomeIngestion ingestion) {
        this.inbox = inbox;
        this.ingestion = ingestion;
        this.routes = Inbox.on(EventType.OUTCOME_REPORTED, OutcomeReported.class, this::reported);
    }

    /** One record at a time (blocking, ordered): a record retried after a transient failure holds back the rest. */
    @Incoming("outcome-events")
    @Blocking
    public CompletionStage<Void> onOutcomeEvent(Message<String> record) {
        return inbox.deliver(record, routes);
    }

    /** How this consumer applies a record, for replaying one from its dead-letter topic. */
    public Inbox.Routes routes() {
        return routes;
    }

    private void reported(EventEnvelope envelope, OutcomeReported o) {
        if (o.trialId() == null || o.type() == null || o.occurredOn() == null || blank(o.source()) || blank(o.sourceId())
                || (o.enrolmentId() == null && blank(o.participant()))) {
            LOG.warnf("Outcome event %s lacks trial, type, date, source, source id or participant; not kept",
                    envelope.eventId());
            return;
        }
        IncomingOutcome outcome = new IncomingOutcome(o.trialId(), o.enrolmentId(),
                blank(o.participant()) ? null : o.participant(), o.type(), o.occurredOn(), o.source(), o.sourceId(), null);
        LOG.debugf("Outcome %s/%s: %s", o.source(), o.sourceId(),
                ingestion.ingest(o.trialId(), List.of(outcome), true).get(0).disposition());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
