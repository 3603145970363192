import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * What deploy/local/faults needs beyond curl, with nothing but the stack's own Kafka and PostgreSQL jars:
 * <pre>
 *   FaultTools produce BOOTSTRAP TOPICS KEY VALUE [HEADER=VALUE...]  send one record to each of the comma-separated
 *                                                                   TOPICS (e.g. a poison one)
 *   FaultTools records BOOTSTRAP TOPIC...                           per topic, TOPIC=how many records it holds
 *   FaultTools redeliver BOOTSTRAP TOPIC KEY                        send the first record with KEY again, headers and all
 *   FaultTools sql SERVER_URL USER PASSWORD DATABASE QUERY [DATABASE QUERY...]
 *                                                                   per query, one line: its rows separated by spaces,
 *                                                                   columns by tabs (SERVER_URL ends in "/")
 *   FaultTools refuse JDBC_URL USER PASSWORD DATABASE SECONDS       end every connection to DATABASE, again and again
 * </pre>
 * Each call is a JVM start, which on a small machine costs more than the work, so a call does all of one kind at once.
 * A call prints its results only once it has them all: a caller sees every figure or none.
 * "refuse" is a database that keeps dropping its clients (SQLSTATE 57P01, then 08006 on the dropped connection), as
 * when its server restarts, while the other databases on the same server stay up.
 */
public class FaultTools {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "produce" -> produce(args[1], List.of(args[2].split(",")), args[3], args[4],
                    List.of(args).subList(5, args.length));
            case "records" -> records(args[1], List.of(args).subList(2, args.length));
            case "redeliver" -> redeliver(args[1], args[2], args[3]);
            case "sql" -> sql(args[1], args[2], args[3], List.of(args).subList(4, args.length));
            case "refuse" -> refuse(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "fault-tools-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }

    static void produce(String bootstrap, List<String> topics, String key, String value, List<String> headers)
            throws Exception {
        try (var producer = producer(bootstrap)) {
            for (String topic : topics) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
                for (String header : headers) {
                    int eq = header.indexOf('=');
                    record.headers().add(header.substring(0, eq), header.substring(eq + 1).getBytes(StandardCharsets.UTF_8));
                }
                producer.send(record).get();
            }
        }
    }

    static void records(String bootstrap, List<String> topics) {
        List<String> counts = new ArrayList<>();
        try (var consumer = consumer(bootstrap)) {
            for (String topic : topics) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
                        .map((PartitionInfo p) -> new TopicPartition(topic, p.partition())).toList();
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(15));
                Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, Duration.ofSeconds(15));
                counts.add(topic + "=" + partitions.stream().mapToLong(p -> end.get(p) - start.get(p)).sum());
            }
        }
        counts.forEach(count -> System.out.println("= " + count));
    }

    static void redeliver(String bootstrap, String topic, String key) throws Exception {
        try (var consumer = consumer(bootstrap)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> found : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(found.key())) {
                        ProducerRecord<String, String> again = new ProducerRecord<>(topic, found.key(), found.value());
                        for (Header header : found.headers()) {
                            again.headers().add(header);
                        }
                        try (var producer = producer(bootstrap)) {
                            producer.send(again).get();
                        }
                        System.out.println("= " + new String(found.headers().lastHeader("eventId").value(), StandardCharsets.UTF_8));
                        return;
                    }
                }
            }
        }
        throw new IllegalStateException("no record with key " + key + " on " + topic);
    }

    static void sql(String server, String user, String password, List<String> databasesAndQueries) throws Exception {
        Map<String, Connection> connections = new HashMap<>();
        List<String> lines = new ArrayList<>();
        try {
            for (int i = 0; i + 1 < databasesAndQueries.size(); i += 2) {
                Connection connection = connections.computeIfAbsent(databasesAndQueries.get(i), database -> {
                    try {
                        return DriverManager.getConnection(server + database, user, password);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery(databasesAndQueries.get(i + 1))) {
                    int columns = rows.getMetaData().getColumnCount();
                    StringJoiner line = new StringJoiner(" ");
                    while (rows.next()) {
                        StringJoiner row = new StringJoiner("\t");
                        for (int c = 1; c <= columns; c++) {
                            row.add(rows.getString(c));
                        }
                        line.add(row.toString());
                    }
                    lines.add(line.toString());
                }
            }
        } finally {
            for (Connection connection : connections.values()) {
                connection.close();
            }
        }
        lines.forEach(line -> System.out.println("= " + line));
    }

    static void refuse(String url, String user, String password, String database, int seconds) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        int ended = 0;
        try (Connection connection = DriverManager.getConnection(url, user, password);
             var terminate = connection.prepareStatement("""
                     select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity
                     where datname = ? and pid <> pg_backend_pid()""")) {
            terminate.setString(1, database);
            while (System.nanoTime() < until) {
                try (ResultSet r = terminate.executeQuery()) {
                    r.next();
                    ended += r.getInt(1);
                }
                Thread.sleep(50);
            }
        }
        System.out.println("= " + ended);
    }
}
