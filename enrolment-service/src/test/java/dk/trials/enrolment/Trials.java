package dk.trials.enrolment;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.trial.ArmDesign;
import dk.trials.events.trial.EligibilityCriteria;
import dk.trials.events.trial.EnrolmentPeriod;
import dk.trials.events.trial.PrimaryOutcome;
import dk.trials.events.trial.PrimaryOutcomeType;
import dk.trials.events.trial.RandomisationDesign;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.events.trial.TrialStatus;
import dk.trials.events.trial.TrialType;
import dk.trials.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;

/**
 * Makes trials known to the service the only way it learns them: trial events on {@code trial-events}, produced
 * with a plain Kafka producer as trial-service would, then waits until the service has recorded them.
 */
public final class Trials {

    public static final List<ArmDesign> ONE_TO_ONE = List.of(
            new ArmDesign("treatment", "Intensive contact", 1, false),
            new ArmDesign("control", "Ordinary effort", 1, true));
    public static final List<String> JOBCENTRES = List.of("101", "147", "751");

    private static KafkaProducer<String, String> producer;

    /** The trialVersion {@link #publish} last gave each trial, as trial-service keeps it in the trial's row. */
    private static final Map<UUID, Long> PUBLISHED_VERSIONS = new ConcurrentHashMap<>();

    private Trials() {
    }

    public static RandomisationDesign simple() {
        return new RandomisationDesign(RandomisationMethod.SIMPLE, null, null, null, null, null);
    }

    public static RandomisationDesign blocks(List<Integer> sizes, StratificationFactor... stratifyBy) {
        return new RandomisationDesign(RandomisationMethod.PERMUTED_BLOCK, sizes, List.of(stratifyBy), List.of(18, 25, 30), null, null);
    }

    public static RandomisationDesign minimisation(StratificationFactor... factors) {
        return new RandomisationDesign(RandomisationMethod.MINIMISATION, null, null, List.of(18, 25, 30), List.of(factors), 0.8);
    }

    /** An RCT recruiting 18–29-year-old dagpenge recipients unemployed up to 52 weeks, in jobcentres 101, 147 and 751. */
    public static TrialDesign design(RandomisationDesign randomisation, List<ArmDesign> arms) {
        LocalDate today = LocalDate.now(Citizens.COPENHAGEN);
        return new TrialDesign("Early intensive contact", TrialType.RCT, "DAGPENGE", arms, randomisation,
                new EligibilityCriteria(List.of("DAGPENGE"), 18, 29, 52), JOBCENTRES, new PrimaryOutcome(PrimaryOutcomeType.JOB_EXIT, 26),
                2000, new EnrolmentPeriod(today.minusDays(30), today.plusDays(300)), null, null);
    }

    /** Publishes the trial as opened (RECRUITING) and waits until the service knows it. */
    public static UUID open(EventCodec codec, TrialDesign design) {
        UUID trialId = UUID.randomUUID();
        publish(codec, EventType.TRIAL_OPENED, trialId, TrialStatus.RECRUITING, design);
        return trialId;
    }

    /** Publishes a lifecycle event with the trial's new status and waits until the service has recorded it. */
    public static void publish(EventCodec codec, EventType type, UUID trialId, TrialStatus status, TrialDesign design) {
        long trialVersion = PUBLISHED_VERSIONS.merge(trialId, 1L, Long::sum);
        EventEnvelope envelope = codec.envelope(type, trialId,
                new TrialSnapshot(trialId, status, design, "0".repeat(64), 120, 0, List.of(), trialVersion));
        send(trialId.toString(), codec.encode(envelope), type);
        // The consuming replica (this one) drops its cached copy on commit, so the new status holds at once.
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(statusOf(trialId)));
    }

    public static void send(String key, String json, EventType type) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TRIAL_EVENTS, key, json);
        record.headers().add(Topics.EVENT_TYPE_HEADER, type.name().getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Trial event not acknowledged", e);
        }
    }

    public static TrialStatus statusOf(UUID trialId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            KnownTrial trial = KnownTrial.findById(trialId);
            return trial == null ? null : trial.status;
        });
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
