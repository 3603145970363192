package dk.trials.outcome.messaging;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.outcome.OutcomeReported;
import dk.trials.platform.inbox.ProcessedEvents;
import dk.trials.outcome.service.IncomingOutcome;
import dk.trials.outcome.service.IngestionResult;
import dk.trials.outcome.service.OutcomeIngestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Register feeds on outcome-events. A feed cannot be answered, so an outcome that breaks a rule is kept as REJECTED
 * with its reason (for the report), and one without any participant yet waits as PENDING_ENROLMENT.
 */
@ApplicationScoped
public class OutcomeEventConsumer {

    private static final Logger LOG = Logger.getLogger(OutcomeEventConsumer.class);

    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final OutcomeIngestion ingestion;

    public OutcomeEventConsumer(EventCodec codec, ProcessedEvents processed, OutcomeIngestion ingestion) {
        this.codec = codec;
        this.processed = processed;
        this.ingestion = ingestion;
    }

    @Incoming("outcome-events")
    @Transactional
    public void onOutcomeEvent(String json) {
        EventEnvelope envelope = codec.decode(json);
        if (envelope.knownType().orElse(null) != EventType.OUTCOME_REPORTED) {
            LOG.debugf("Ignoring %s on outcome-events", envelope.type());
            return;
        }
        if (!processed.firstDelivery(envelope)) {
            return;
        }
        OutcomeReported o = codec.payload(envelope, OutcomeReported.class);
        if (o.trialId() == null || o.type() == null || o.occurredOn() == null || blank(o.source()) || blank(o.sourceId())
                || (o.enrolmentId() == null && blank(o.participant()))) {
            LOG.warnf("Outcome event %s lacks trial, type, date, source, source id or participant; not kept",
                    envelope.eventId());
            return;
        }
        List<IngestionResult> results = ingestion.ingest(o.trialId(), List.of(new IncomingOutcome(o.trialId(),
                o.enrolmentId(), blank(o.participant()) ? null : o.participant(), o.type(), o.occurredOn(), o.source(),
                o.sourceId(), null)), true);
        LOG.debugf("Outcome %s/%s: %s", o.source(), o.sourceId(), results.get(0).disposition());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
