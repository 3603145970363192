package dk.trials.system;

import dk.trials.testing.CprScan;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TestPostgres;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After the three-service run ({@link ThreeServicesIT}, which runs first in this JVM): no CPR number in clear, nor
 * anything CPR-like, in any text or JSON column of any table of the services' databases, in the services' log files,
 * or in any record of any topic, dead-letter topics included.
 */
@Order(Integer.MAX_VALUE)
class NoCprInClearIT {

    private static final Path LOGS = Path.of("target", "end-to-end");

    @Test
    void theRunLeftNoCprNumberInAnyTableLogOrTopic() throws Exception {
        CprScan scan = new CprScan();
        List<String> databases = databases();
        assertTrue(databases.size() >= 3, "the three services' databases are there (run with ThreeServicesIT): " + databases);
        for (String database : databases) {
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + TestPostgres.server().getPort() + "/" + database,
                    TestPostgres.ownerUsername(), TestPostgres.ownerPassword())) {
                scan.scanDatabase(database, connection);
            }
        }
        List<Path> logs;
        try (Stream<Path> files = Files.list(LOGS)) {
            logs = files.filter(file -> file.toString().endsWith(".log")).sorted().toList();
        }
        assertEquals(3, logs.size(), "one log per service: " + logs);
        for (Path log : logs) {
            scan.scanFile(log);
        }
        scan.scanTopics(TestKafka.bootstrapServers());

        Map<String, Integer> scanned = scan.scanned();
        System.out.println("CPR scan of " + databases + ", " + logs.size() + " logs and every topic: " + scanned);
        assertTrue(scanned.getOrDefault("database values", 0) > 20 && scanned.getOrDefault("log lines", 0) > 100
                && scanned.getOrDefault("topic records", 0) >= 3, "the run left data to scan: " + scanned);
        assertEquals(List.of(), scan.findings());
    }

    @Test
    void theScanFindsACprNumberInEveryFormButNotInAPseudonymOrUuid() {
        assertEquals(List.of("0101991234", "0101991234", "0101991234", "0101991234", "3112854321"),
                CprScan.numbersIn("a 0101991234 b {\"x\":\"010199-1234\"} 010199 1234 010199.1234 x3112854321y"));
        assertEquals(List.of(), CprScan.numbersIn("90101991234 3213991234 0101991234567 2147483648 2026-12-01T13:41:54Z"));
        assertEquals(List.of(), CprScan.numbersIn("v1:ab0101991234cd0101991234ef0101991234 0b8e0c57-2f0e-4f43-a7c1-0101991234ab"));
    }

    /** The databases of the test server but its own (postgres and the templates): the services' databases. */
    private static List<String> databases() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + TestPostgres.server().getPort() + "/postgres",
                TestPostgres.ownerUsername(), TestPostgres.ownerPassword());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select datname from pg_database where not datistemplate and datname <> 'postgres'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
