package dk.trials.platform.deadletter;

import dk.trials.events.Topics;
import dk.trials.platform.inbox.Inbox;
import dk.trials.platform.inbox.TransientFailures;
import dk.trials.platform.messaging.KafkaClientSettings;
import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the dead-letter topics of this service's {@link ReplayableChannel}s and replays their records into the
 * consuming channel's own {@link Inbox} routes, after a fix. A replay goes to this service only (not back onto the
 * shared topic, where every other consumer group would see it again), runs once (no retry: an operator is
 * watching), and is audited in {@code dead_letter_replay} whatever its result.
 * <p>
 * The dead-letter topic of a channel is the one its {@code dead-letter-queue.topic} names, so configuration stays
 * the one place that says where dead letters go. A record is found by its original coordinates (the topic names the
 * channel that consumes it); where one record was dead-lettered twice (e.g. after an offset reset) the latest dead
 * letter is replayed.
 */
@ApplicationScoped
public class DeadLetters {

    private static final String REASON = "dead-letter-reason";
    private static final String FAILURE = "dead-letter-exception-class-name";
    private static final String TOPIC = "dead-letter-topic";
    private static final String PARTITION = "dead-letter-partition";
    private static final String OFFSET = "dead-letter-offset";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private static final Comparator<DeadLetter> OLDEST_FIRST = Comparator.comparing(DeadLetter::deadLetteredAt)
            .thenComparing(DeadLetter::topic, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset);

    private final List<ReplayableChannel> channels;
    private final Config config;
    private final KafkaClientSettings kafka;
    private final Inbox inbox;
    private final EntityManager entityManager;
    private final Clock clock;

    public DeadLetters(@All List<ReplayableChannel> channels, Config config,
                       KafkaClientSettings kafka, Inbox inbox,
                       EntityManager entityManager, Clock clock) {
        this.channels = List.copyOf(channels);
        this.config = config;
        this.kafka = kafka;
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Whether this service consumes {@code topic}, i.e. whether its dead letters could be replayed here. */
    public boolean consumes(String topic) {
        return channelReading(topic).isPresent();
    }

    /** Every dead letter of every replayable channel, oldest first. */
    public List<DeadLetter> list() {
        return channels.stream()
                .flatMap(channel -> read(deadLetterTopicOf(channel)).stream().map(DeadLetters::describe))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    /**
     * Replays the latest dead letter of the record at {@code topic/partition/offset} through the routes of the channel
     * that consumes {@code topic}; empty if there is no such dead letter (or this service does not consume the topic).
     */
    public Optional<Replay> replay(String topic, int partition, long offset, String replayedBy) {
        Optional<ReplayableChannel> channel = channelReading(topic);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        List<ConsumerRecord<String, String>> matching = read(deadLetterTopicOf(channel.get())).stream()
                .filter(r -> topic.equals(header(r, TOPIC)) && String.valueOf(partition).equals(header(r, PARTITION))
                        && String.valueOf(offset).equals(header(r, OFFSET)))
                .toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        ConsumerRecord<String, String> record = matching.get(matching.size() - 1);
        Inbox.Routes routes = channel.get().routes();
        ReplayResult result;
        String reason = null;
        try {
            result = QuarkusTransaction.requiringNew().call(() -> inbox.receive(record.value(), routes))
                    ? ReplayResult.APPLIED : ReplayResult.NO_EFFECT;
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            result = ReplayResult.REJECTED;
            reason = e.getMessage();
        }
        Replay replay = new Replay(describe(record), result, reason, replayedBy, clock.instant());
        QuarkusTransaction.requiringNew().run(() -> audit(record, replay));
        return Optional.of(replay);
    }

    private Optional<ReplayableChannel> channelReading(String topic) {
        return channels.stream().filter(channel -> topicOf(channel).equals(topic)).findFirst();
    }

    /** The topic a channel reads: its {@code topic} attribute, or the channel's name where it has none (SmallRye's rule). */
    private String topicOf(ReplayableChannel channel) {
        return config.getOptionalValue("mp.messaging.incoming." + channel.channel() + ".topic", String.class)
                .orElse(channel.channel());
    }

    private String deadLetterTopicOf(ReplayableChannel channel) {
        return config.getValue("mp.messaging.incoming." + channel.channel() + ".dead-letter-queue.topic", String.class);
    }

    private void audit(ConsumerRecord<String, String> record, Replay replay) {
        DeadLetter letter = replay.deadLetter();
        entityManager.createNativeQuery("""
                        insert into dead_letter_replay (replayed_at, replayed_by, topic, record_partition, record_offset,
                            dead_letter_topic, dead_letter_partition, dead_letter_offset, event_id, result, reason)
                        values (:at, :by, :topic, :partition, :offset, :dlqTopic, :dlqPartition, :dlqOffset, :eventId,
                            :result, :reason)""")
                .setParameter("at", replay.replayedAt())
                .setParameter("by", replay.replayedBy())
                .setParameter("topic", letter.topic())
                .setParameter("partition", letter.partition())
                .setParameter("offset", letter.offset())
                .setParameter("dlqTopic", record.topic())
                .setParameter("dlqPartition", record.partition())
                .setParameter("dlqOffset", record.offset())
                .setParameter("eventId", letter.eventId())
                .setParameter("result", replay.result().name())
                .setParameter("reason", replay.reason())
                .executeUpdate();
    }

    /**
     * Everything on the topic now, read without a consumer group (the channels' shared settings name one) so that
     * reading commits nothing. The reader never waits for records that are not there yet: a fetch that finds none
     * returns at once, so the fetch the consumer sends ahead after the last record does not hold {@code close()} for the
     * broker's default wait of 500 ms on every topic, every listing.
     */
    private List<ConsumerRecord<String, String>> read(String deadLetterTopic) {
        Map<String, Object> settings = kafka.with(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 0));
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, READ_TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Dead-letter topic " + deadLetterTopic + " not read within " + READ_TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            records.sort((a, b) -> a.timestamp() != b.timestamp() ? Long.compare(a.timestamp(), b.timestamp())
                    : a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                    : Long.compare(a.offset(), b.offset()));
            return records;
        }
    }

    private static DeadLetter describe(ConsumerRecord<String, String> record) {
        return new DeadLetter(header(record, TOPIC), Integer.parseInt(headerOr(record, PARTITION, "-1")),
                Long.parseLong(headerOr(record, OFFSET, "-1")), header(record, REASON), header(record, FAILURE),
                header(record, Topics.EVENT_ID_HEADER), header(record, Topics.EVENT_TYPE_HEADER),
                Instant.ofEpochMilli(record.timestamp()));
    }

    private static String headerOr(ConsumerRecord<String, String> record, String name, String fallback) {
        String value = header(record, name);
        return value == null ? fallback : value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
