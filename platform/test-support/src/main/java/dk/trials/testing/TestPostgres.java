package dk.trials.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/** One real PostgreSQL server per test JVM (embedded binaries, no Docker), with a database per service on demand. */
public final class TestPostgres {

    private static EmbeddedPostgres server;
    private static final Set<String> DATABASES = new HashSet<>();

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop));
        }
        return server;
    }

    /** A JDBC URL of an (empty at first) database of that name on the shared server. */
    public static synchronized String jdbcUrl(String database) {
        EmbeddedPostgres pg = server();
        if (DATABASES.add(database)) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database);
                s.execute("create database " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create database " + database, e);
            }
        }
        return pg.getJdbcUrl("postgres", database);
    }

    public static String username() {
        return "postgres";
    }

    public static String password() {
        return "postgres";
    }

    private static synchronized void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // the JVM is exiting; the temporary data directory goes with it
        }
    }
}
