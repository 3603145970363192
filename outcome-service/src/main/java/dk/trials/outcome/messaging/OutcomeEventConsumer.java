package dk.trials.outcome.messaging;

import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.outcome.OutcomeReported;
import dk.trials.outcome.service.IncomingOutcome;
import dk.trials.outcome.service.OutcomeIngestion;
import dk.trials.outcome.service.TextRules;
import dk.trials.platform.cpr.CprPseudonymiser;
import dk.trials.platform.inbox.Inbox;
import dk.trials.platform.inbox.RetryingInbox;
import dk.trials.platform.time.InputDates;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Register feeds on outcome-events. A feed cannot be answered, so an outcome that breaks a rule is kept as REJECTED
 * with its reason (for the report), and one without any participant yet waits as PENDING_ENROLMENT. One that cannot
 * be kept at all (a field missing, a date outside 1900-01-01..2100-12-31, a source or source id that breaks the text
 * rules, e.g. by holding a CPR-like number that must not be stored) is logged by event id and rule, never by value. Each record is
 * applied in a transaction of its own (its first-delivery mark, the outcome and the aggregates together), so a
 * formal look, which reads the aggregates in one statement, sees a record wholly or not at all.
 */
@ApplicationScoped
public class OutcomeEventConsumer {

    private static final Logger LOG = Logger.getLogger(OutcomeEventConsumer.class);

    private final RetryingInbox inbox;
    private final OutcomeIngestion ingestion;
    /** Feeds that still send the bare citizen pseudonym (the format before per-trial ones) are converted here. */
    private final CprPseudonymiser pseudonymiser;
    private final Inbox.Routes routes;

    public OutcomeEventConsumer(RetryingInbox inbox, OutcomeIngestion ingestion, CprPseudonymiser pseudonymiser) {
        this.inbox = inbox;
        this.ingestion = ingestion;
        this.pseudonymiser = pseudonymiser;
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
        List<String> broken = unkeepable(o);
        if (!broken.isEmpty()) {
            LOG.warnf("Outcome event %s cannot be kept: %s", envelope.eventId(), String.join("; ", broken));
            return;
        }
        IncomingOutcome outcome = new IncomingOutcome(o.trialId(), o.enrolmentId(),
                blank(o.participant()) ? null : pseudonymiser.perTrial(o.trialId(), o.participant()), o.type(), o.occurredOn(), o.source(), o.sourceId(), null);
        LOG.debugf("Outcome %s/%s: %s", o.source(), o.sourceId(),
                ingestion.ingest(o.trialId(), List.of(outcome), true).get(0).disposition());
    }

    /** The rules that keep the outcome from being stored, each named by its field without the value. */
    private static List<String> unkeepable(OutcomeReported o) {
        List<String> broken = new ArrayList<>();
        if (!InputDates.inRange(o.occurredOn())) {
            broken.add("occurredOn " + InputDates.RANGE_RULE);
        }
        TextRules.broken(o.source(), IncomingOutcome.MAX_TEXT).ifPresent(rule -> broken.add("source " + rule));
        TextRules.broken(o.sourceId(), IncomingOutcome.MAX_TEXT).ifPresent(rule -> broken.add("sourceId " + rule));
        return broken;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
