package dk.trials.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a service under test a real PostgreSQL database and a real Kafka broker, both in-process and shared across
 * the test JVM. Init arg {@code database} names the service's database. As in production, Flyway migrates as the
 * tables' owner and the service connects as the restricted service role (see {@link TestPostgres}).
 */
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private String database = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", TestPostgres.jdbcUrl(database),
                "quarkus.datasource.username", TestPostgres.username(),
                "quarkus.datasource.password", TestPostgres.password(),
                "quarkus.flyway.username", TestPostgres.ownerUsername(),
                "quarkus.flyway.password", TestPostgres.ownerPassword(),
                "kafka.bootstrap.servers", TestKafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // shared for the JVM's lifetime; shutdown hooks stop them
    }
}
