package dk.trials.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The number of rows in every table of a service's database (its outbox and inbox included), read in one statement,
 * so that a test can show that a refused request changed nothing.
 */
public final class RowCounts implements AutoCloseable {

    /** The platform's transactional outbox (platform/runtime db/outbox). */
    private static final String OUTBOX = "outbox_event";

    private final Connection connection;
    private final String countAll;

    private RowCounts(Connection connection, List<String> tables) {
        this.connection = connection;
        this.countAll = tables.stream()
                .map(table -> "select '" + table + "', count(*) from \"" + table + "\"")
                .collect(Collectors.joining(" union all "));
    }

    /**
     * Counts the tables of the public schema of the test server's database of that name, but those named in
     * {@code notCounted}: tables that scheduled work fills from what earlier requests changed (a projection refreshed
     * every second), whose rows may change while any request is in flight (a refused request that changed what they
     * are made from still shows in that source table); or the record a refusal is made to leave (the screening log
     * of a citizen found not eligible).
     */
    public static RowCounts of(String database, String... notCounted) {
        try {
            // As the tables' owner, who sees every table whatever the service role may read.
            Connection connection = TestPostgres.ownerConnection(database);
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("""
                         select table_name from information_schema.tables
                         where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
                tables.removeAll(List.of(notCounted));
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("database " + database + " has no tables yet");
            }
            return new RowCounts(connection, tables);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the rows of " + database, e);
        }
    }

    public Map<String, Long> now() {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(countAll)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count rows", e);
        }
        return counts;
    }

    /**
     * The counts once background work (an outbox relay deleting what it sent, a consumer recording an event) has
     * settled: two readings a short while apart that agree, within {@code timeout}.
     */
    public Map<String, Long> settled(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> previous = now();
        while (true) {
            sleep(10);
            Map<String, Long> current = now();
            if (current.equals(previous) || System.nanoTime() > deadline) {
                return current;
            }
            previous = current;
        }
    }

    /**
     * The tables whose count differs, each as {@code table: before → after}; empty when none does. Fewer rows in the
     * outbox is no change: its relay deletes the rows it has sent whenever the broker acknowledges them, so only a row
     * added there counts.
     */
    public static List<String> differences(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        before.forEach((table, count) -> {
            Long now = after.get(table);
            boolean relayed = table.equals(OUTBOX) && now != null && now < count;
            if (!count.equals(now) && !relayed) {
                changed.add(table + ": " + count + " → " + now);
            }
        });
        return changed;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the test is over; the server goes with the JVM
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
