package dk.trials.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for CPR numbers in clear in what a run leaves behind: text and JSON columns, log files and Kafka records.
 * A finding is anything CPR-like — six digits forming a real DDMMYY date, at most one {@code -}, space or {@code .},
 * four digits, no digit directly before or after — once hexadecimal runs (pseudonyms, hashes) and UUIDs, which are
 * no CPR number but may hold such digits by chance, are set aside.
 * <p>
 * The rule is the contract's and the same as the services' {@code CprLike}, written again here on purpose: a scan
 * that used the detector under test would be blind to that detector's mistakes.
 */
public final class CprScan {

    private static final Pattern CPR_LIKE = Pattern.compile("(?<![0-9])([0-9]{2})([0-9]{2})([0-9]{2})([-. ]?)([0-9]{4})(?![0-9])");
    private static final Pattern NOT_CPR = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{16,}");
    private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private final List<String> findings = new ArrayList<>();
    private final Map<String, Integer> scanned = new HashMap<>();

    /** The CPR-like numbers in {@code text}, as their ten digits, in order. */
    public static List<String> numbersIn(String text) {
        String masked = NOT_CPR.matcher(text).replaceAll(match -> "x".repeat(match.group().length()));
        List<String> found = new ArrayList<>();
        Matcher candidate = CPR_LIKE.matcher(masked);
        int from = 0;
        while (from < masked.length() && candidate.find(from)) {
            if (isDate(Integer.parseInt(candidate.group(1)), Integer.parseInt(candidate.group(2)),
                    Integer.parseInt(candidate.group(3)))) {
                found.add(candidate.group(1) + candidate.group(2) + candidate.group(3) + candidate.group(5));
                from = candidate.end();
            } else {
                // Six digits that are no date may still hide a date starting inside them.
                from = candidate.start() + 1;
            }
        }
        return found;
    }

    /** Records a finding for each CPR-like number in {@code text}, naming {@code where} (the number shown masked). */
    public void scan(String kind, String where, String text) {
        scanned.merge(kind, 1, Integer::sum);
        for (String cpr : numbersIn(text)) {
            findings.add(where + ": " + cpr.substring(0, 6) + "-****");
        }
    }

    /** Every value of every text, character and JSON column of every table of the database's public schema. */
    public void scanDatabase(String name, Connection connection) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select c.table_name, c.column_name from information_schema.columns c
                     join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                     where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                       and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')""")) {
            while (rows.next()) {
                columns.add(new String[]{rows.getString(1), rows.getString(2)});
            }
        }
        for (String[] column : columns) {
            try (Statement statement = connection.createStatement();
                 ResultSet values = statement.executeQuery("select cast(\"" + column[1] + "\" as text) from \""
                         + column[0] + "\" where \"" + column[1] + "\" is not null")) {
                while (values.next()) {
                    scan("database values", name + "." + column[0] + "." + column[1], values.getString(1));
                }
            }
        }
    }

    public void scanFile(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            scan("log lines", file.getFileName() + ":" + (i + 1), lines.get(i));
        }
    }

    /** Every record (key, value and headers) of every topic of the broker but its internal ones, dead letters included. */
    public void scanTopics(String bootstrapServers) throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> ends = new HashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> topics = admin.listTopics().names().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
            }
            admin.listOffsets(latest).all().get().forEach((partition, end) -> ends.put(partition, end.offset()));
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ends.keySet().stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the topics were not read to their end within 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder text = new StringBuilder(utf8(record.key())).append(' ').append(utf8(record.value()));
                    for (Header header : record.headers()) {
                        text.append(' ').append(header.key()).append('=').append(utf8(header.value()));
                    }
                    scan("topic records", record.topic() + "-" + record.partition() + "@" + record.offset(), text.toString());
                }
            }
        }
    }

    /** One line per CPR-like number found, naming where; empty when none was. */
    public List<String> findings() {
        return List.copyOf(findings);
    }

    /** How many texts of each kind were scanned (database values, log lines, topic records). */
    public Map<String, Integer> scanned() {
        return Map.copyOf(scanned);
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean isDate(int day, int month, int yy) {
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        if (month == 2 && day == 29) {
            return yy % 4 == 0;
        }
        return day <= DAYS_IN_MONTH[month - 1];
    }
}
