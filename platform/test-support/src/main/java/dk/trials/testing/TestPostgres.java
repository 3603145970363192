package dk.trials.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One real PostgreSQL server per test JVM (embedded binaries, no Docker), with a database per service on demand.
 *
 * <p>Two roles, as in production: the superuser {@link #ownerUsername() owner}, which runs the services' Flyway
 * migrations and owns their tables, and the {@link #username() service role}, a plain login role the services
 * connect as. The services' {@code db/roles/afterMigrate.sql} grants the service role what each table allows, so a
 * test that makes a service update an append-only table fails as it would in production.
 */
public final class TestPostgres {

    private static final String SERVICE_ROLE = "trials_app";
    private static final String SERVICE_PASSWORD = "trials_app";

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
            createServiceRole(server);
        }
        return server;
    }

    /**
     * A JDBC URL of an (empty at first) database of that name on the shared server. It names no user (zonky's own URL
     * does, and a user in the URL wins over the one a connection asks for): connect with {@link #username()} or
     * {@link #ownerUsername()}.
     */
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
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database;
    }

    /** The role a service connects as: it may do to each table only what the table's grants allow. */
    public static String username() {
        return SERVICE_ROLE;
    }

    public static String password() {
        return SERVICE_PASSWORD;
    }

    /** The owner of every table (a superuser): Flyway migrates as it, and a test may set up what no service could. */
    public static String ownerUsername() {
        return "postgres";
    }

    public static String ownerPassword() {
        return "postgres";
    }

    /**
     * A connection to the database as its owner, for a test that must arrange rows no service may write, such as a
     * tampered decision log. The caller closes it.
     */
    public static Connection ownerConnection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), ownerUsername(), ownerPassword());
    }

    /**
     * What the {@link #username() service role} may do to each table of the database's schema: table name → the
     * privileges among SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES and TRIGGER that it holds on the table.
     * UPDATE counts where the role may update some of the table's columns only; {@link #updatableColumns} says which.
     */
    public static Map<String, Set<String>> privilegesOfServiceRole(String database) throws SQLException {
        Map<String, Set<String>> privileges = new TreeMap<>();
        try (Connection c = ownerConnection(database); PreparedStatement s = c.prepareStatement("""
                select t.tablename, p.privilege
                from pg_tables t
                cross join unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p (privilege)
                where t.schemaname = current_schema()
                  and (has_table_privilege(?, quote_ident(t.tablename), p.privilege)
                       or p.privilege = 'UPDATE' and has_any_column_privilege(?, quote_ident(t.tablename), 'UPDATE'))""")) {
            s.setString(1, SERVICE_ROLE);
            s.setString(2, SERVICE_ROLE);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    privileges.computeIfAbsent(rows.getString(1), table -> new TreeSet<>()).add(rows.getString(2));
                }
            }
        }
        return privileges;
    }

    /**
     * The server process of another session of the connection's database waiting for a lock (the first to have
     * connected), or 0 if none waits: for a test that holds a lock on {@code lock} and then kills the session that
     * waits on it.
     */
    public static long backendWaitingOnLock(Connection lock) throws SQLException {
        try (Statement s = lock.createStatement(); ResultSet r = s.executeQuery("""
                select pid from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'
                order by backend_start limit 1""")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    /** The columns of the table that the {@link #username() service role} may update (all of them, or some, or none). */
    public static Set<String> updatableColumns(String database, String table) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (Connection c = ownerConnection(database); PreparedStatement s = c.prepareStatement("""
                select column_name from information_schema.columns
                where table_schema = current_schema() and table_name = ?
                  and has_column_privilege(?, quote_ident(table_name), column_name, 'UPDATE')""")) {
            s.setString(1, table);
            s.setString(2, SERVICE_ROLE);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private static void createServiceRole(EmbeddedPostgres pg) {
        // Roles are the cluster's, not a database's: one service role serves every test database; each database's
        // own grants say what it may do there.
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role " + SERVICE_ROLE + " login password '" + SERVICE_PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the service role " + SERVICE_ROLE, e);
        }
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
