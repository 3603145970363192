package dk.trials.outcome;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.enrolment.AllocationCheckpoint;
import dk.trials.events.enrolment.ParticipantEnrolled;
import dk.trials.events.enrolment.ParticipantTransferred;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.events.outcome.OutcomeReported;
import dk.trials.events.trial.ArmDesign;
import dk.trials.events.trial.ComparisonPlan;
import dk.trials.events.trial.EligibilityCriteria;
import dk.trials.events.trial.EnrolmentPeriod;
import dk.trials.events.trial.MonitoringPlan;
import dk.trials.events.trial.PowerAssumptions;
import dk.trials.events.trial.PrimaryOutcome;
import dk.trials.events.trial.PrimaryOutcomeType;
import dk.trials.events.trial.RandomisationDesign;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.events.trial.TrialStatus;
import dk.trials.events.trial.TrialType;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;

/**
 * Tells the service about trials, enrolments and register outcomes the only way it learns them: events on
 * trial-events, enrolment-events and outcome-events, produced with a plain Kafka producer as the other services and
 * register feeds would.
 */
public final class Events {

    private static KafkaProducer<String, String> producer;

    /** The trialVersion {@link #publishTrial} last gave each trial, as trial-service keeps it in the trial's row. */
    private static final Map<UUID, Long> PUBLISHED_VERSIONS = new ConcurrentHashMap<>();

    private Events() {
    }

    public static List<ArmDesign> arms(String... codes) {
        List<ArmDesign> arms = new ArrayList<>();
        for (String code : codes) {
            arms.add(new ArmDesign(code, code, 1, code.equals("control")));
        }
        return arms;
    }

    /** A design as trials opened before monitoring plans were published it: no power assumptions, no plan. */
    public static TrialDesign design(List<ArmDesign> arms, int horizonWeeks) {
        return design(arms, horizonWeeks, null, null);
    }

    public static TrialDesign design(List<ArmDesign> arms, int horizonWeeks, PowerAssumptions power,
                                     MonitoringPlan monitoringPlan) {
        LocalDate today = LocalDate.now(TrialsClock.ZONE);
        return new TrialDesign("Early intensive contact", TrialType.RCT, "DAGPENGE", arms,
                new RandomisationDesign(RandomisationMethod.SIMPLE, null, null, null, null, null),
                new EligibilityCriteria(List.of("DAGPENGE"), 18, 29, 52), List.of("101", "147", "461", "751"),
                new PrimaryOutcome(PrimaryOutcomeType.JOB_EXIT, horizonWeeks), 2000,
                new EnrolmentPeriod(today.minusYears(5), today.plusDays(300)), power, monitoringPlan);
    }

    /** Publishes the trial as opened and waits until the service knows it. */
    public static UUID openTrial(EventCodec codec, TrialDesign design, Integer plannedEvents) {
        UUID trialId = UUID.randomUUID();
        publishTrial(codec, EventType.TRIAL_OPENED, trialId, TrialStatus.RECRUITING, design, plannedEvents);
        return trialId;
    }

    public static void publishTrial(EventCodec codec, EventType type, UUID trialId, TrialStatus status, TrialDesign design,
                                    Integer plannedEvents) {
        publishTrial(codec, type, trialId, status, design, plannedEvents, List.of());
    }

    /**
     * As trial-service publishes a trial it sized under its monitoring plan: each comparison's frozen size, and the
     * trial's next {@code trialVersion} (1 for its first event here, one more for each after).
     */
    public static void publishTrial(EventCodec codec, EventType type, UUID trialId, TrialStatus status, TrialDesign design,
                                    Integer plannedEvents, List<ComparisonPlan> comparisonPlans) {
        long trialVersion = PUBLISHED_VERSIONS.merge(trialId, 1L, Long::sum);
        EventEnvelope event = codec.envelope(type, trialId, new TrialSnapshot(trialId, status, design, "0".repeat(64),
                plannedEvents, 0, comparisonPlans, trialVersion));
        send(Topics.TRIAL_EVENTS, trialId, codec.encode(event), type);
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(QuarkusTransaction.requiringNew().call(() -> {
            TrialPlan plan = TrialPlan.findById(trialId);
            return plan == null ? null : plan.status;
        })));
    }

    /**
     * A trial event as trial-service publishes it, numbered {@code trialVersion}; null for an event as it was published
     * before versions existed.
     */
    public static EventEnvelope trialEvent(EventCodec codec, EventType type, UUID trialId, TrialStatus status,
                                           TrialDesign design, Integer plannedEvents, Long trialVersion) {
        return codec.envelope(type, trialId,
                new TrialSnapshot(trialId, status, design, "0".repeat(64), plannedEvents, 0, List.of(), trialVersion));
    }

    /** The same event as if it had occurred at another instant. */
    public static EventEnvelope occurredAt(EventEnvelope event, Instant occurredAt) {
        return new EventEnvelope(event.eventId(), event.type(), event.version(), occurredAt, event.trialId(), event.payload());
    }

    public static Future<?> enrol(EventCodec codec, ParticipantEnrolled enrolled) {
        EventEnvelope envelope = codec.envelope(EventType.PARTICIPANT_ENROLLED, enrolled.trialId(), enrolled);
        return sendAsync(Topics.ENROLMENT_EVENTS, enrolled.trialId(), codec.encode(envelope), EventType.PARTICIPANT_ENROLLED);
    }

    public static ParticipantEnrolled enrolled(UUID trialId, UUID enrolmentId, String pseudonym, String arm,
                                               String jobcentre, LocalDate enrolledOn) {
        return new ParticipantEnrolled(enrolmentId, trialId, pseudonym, arm, jobcentre, jobcentre,
                enrolledOn.atTime(9, 0).atZone(TrialsClock.ZONE).toInstant(), enrolledOn, false, null);
    }

    /** The same enrolment as enrolment-service numbers it within its trial. */
    public static ParticipantEnrolled numbered(ParticipantEnrolled e, long sequence) {
        return new ParticipantEnrolled(e.enrolmentId(), e.trialId(), e.participant(), e.arm(), e.jobcentre(),
                e.stratum(), e.enrolledAt(), e.enrolledOn(), e.imported(), sequence);
    }

    /** Publishes enrolment-service's allocation checkpoint behind the trial's enrolments; the envelope sent. */
    public static EventEnvelope checkpoint(EventCodec codec, AllocationCheckpoint checkpoint) {
        EventEnvelope envelope = codec.envelope(EventType.ALLOCATION_CHECKPOINT, checkpoint.trialId(), checkpoint);
        send(Topics.ENROLMENT_EVENTS, checkpoint.trialId(), codec.encode(envelope), EventType.ALLOCATION_CHECKPOINT);
        return envelope;
    }

    public static void withdraw(EventCodec codec, ParticipantWithdrawn withdrawn) {
        EventEnvelope envelope = codec.envelope(EventType.PARTICIPANT_WITHDRAWN, withdrawn.trialId(), withdrawn);
        send(Topics.ENROLMENT_EVENTS, withdrawn.trialId(), codec.encode(envelope), EventType.PARTICIPANT_WITHDRAWN);
    }

    public static EventEnvelope transfer(EventCodec codec, ParticipantTransferred transferred) {
        EventEnvelope envelope = codec.envelope(EventType.PARTICIPANT_TRANSFERRED, transferred.trialId(), transferred);
        send(Topics.ENROLMENT_EVENTS, transferred.trialId(), codec.encode(envelope), EventType.PARTICIPANT_TRANSFERRED);
        return envelope;
    }

    public static void reportOutcome(EventCodec codec, OutcomeReported outcome) {
        EventEnvelope envelope = codec.envelope(EventType.OUTCOME_REPORTED, outcome.trialId(), outcome);
        send(Topics.OUTCOME_EVENTS, outcome.trialId(), codec.encode(envelope), EventType.OUTCOME_REPORTED);
    }

    /** Sends a raw record, e.g. a redelivery of an envelope already sent. */
    public static void send(String topic, UUID trialId, String json, EventType type) {
        try {
            sendAsync(topic, trialId, json, type).get();
        } catch (Exception e) {
            throw new IllegalStateException("Event not acknowledged", e);
        }
    }

    private static Future<?> sendAsync(String topic, UUID trialId, String json, EventType type) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, trialId.toString(), json);
        record.headers().add(Topics.EVENT_TYPE_HEADER, type.name().getBytes(StandardCharsets.UTF_8));
        return producer().send(record);
    }

    public static long participants(UUID trialId) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) TrialPlan.getEntityManager()
                .createNativeQuery("select count(*) from participant where trial_id = ?1", Long.class)
                .setParameter(1, trialId).getSingleResult());
    }

    /** Whether the service has consumed the event (first delivery recorded, effect committed). */
    public static boolean processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) TrialPlan.getEntityManager()
                .createNativeQuery("select count(*) from processed_event where event_id = ?1", Long.class)
                .setParameter(1, eventId).getSingleResult()) == 1;
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
