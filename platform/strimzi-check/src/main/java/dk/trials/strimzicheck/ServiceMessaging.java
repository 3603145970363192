package dk.trials.strimzicheck;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Collections.unmodifiableSortedSet;

/**
 * What one service does on Kafka, as its application.properties declares it: the topics its incoming channels read,
 * their consumer groups, and the dead-letter topics they write failed records to. Read from the services themselves
 * so that a new channel is a new rule here without an edit.
 */
public record ServiceMessaging(String service, Set<String> consumedTopics, Set<String> groups, Set<String> deadLetterTopics) {
    private static final Path PROPERTIES = Path.of("src", "main", "resources", "application.properties");
    private static final Pattern KAFKA_CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    /** Every top-level directory of the repository with a Quarkus application.properties is a service. */
    public static List<ServiceMessaging> of(Path repositoryRoot) {
        try (Stream<Path> dirs = Files.list(repositoryRoot)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve(PROPERTIES)))
                    .sorted()
                    .map(dir -> read(dir.getFileName().toString(), dir.resolve(PROPERTIES)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServiceMessaging read(String service, Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SortedSet<String> topics = new TreeSet<>();
        SortedSet<String> groups = new TreeSet<>();
        SortedSet<String> deadLetters = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher matcher = KAFKA_CHANNEL.matcher(key);
            if (!matcher.matches() || !"smallrye-kafka".equals(properties.getProperty(key).strip())) {
                continue;
            }
            String channel = "mp.messaging.incoming." + matcher.group(1) + ".";
            // SmallRye reads the channel's own name as its topic when no topic is configured.
            topics.add(properties.getProperty(channel + "topic", matcher.group(1)).strip());
            Optional.ofNullable(properties.getProperty(channel + "group.id")).map(String::strip).ifPresent(groups::add);
            Optional.ofNullable(properties.getProperty(channel + "dead-letter-queue.topic")).map(String::strip).ifPresent(deadLetters::add);
        }
        return new ServiceMessaging(service, unmodifiableSortedSet(topics), unmodifiableSortedSet(groups), unmodifiableSortedSet(deadLetters));
    }
}
