import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;

/**
 * Load generator for outcome-service: for each size, seeds a trial with that many enrolled participants (by COPY,
 * as the enrolment-events consumer would have left them), then
 *   1. COPYs one outcome per participant into a clone of the outcome table (same columns, constraints, indexes):
 *      the baseline of what PostgreSQL itself takes in per second;
 *   2. POSTs the same rows as NDJSON to /outcomes/bulk and measures lines/s (outcome rows, participants' ends and the
 *      two aggregates all written, each batch in one transaction);
 *   3. waits until GET /estimates shows the new job exits (the rolling refresh), then times GET /estimates for
 *      today (p50/p99 over 300 calls) and for yesterday (summed from the participants' ends, 30 calls).
 * and, per size, where the database time of the bulk ingest went: the service's statements in pg_stat_statements
 * between a reset before the post and a read right after it.
 *
 * The program starts what it measures: a private PostgreSQL server (zonky's embedded binaries, with
 * synchronous_commit=off like the local stack) and the packaged service as a separate JVM on ports of their own,
 * and stops both at the end. Run it with bench/run.sh.
 *
 * java -cp <outcome-service test classpath> OutcomeBench.java REPO_ROOT SIZES OUTPUT_MD
 */
public class OutcomeBench {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final String[] JOBCENTRES = {"101", "147", "461", "751"};
    private static final String[] CENSORINGS = {"EMIGRATED", "DECEASED", "LOST_TO_FOLLOW_UP"};
    private static final int HORIZON = 182;

    private static final int PG_PORT = Integer.parseInt(System.getenv().getOrDefault("BENCH_PG_PORT", "55499"));
    private static final String APP_ROLE = "bench_app";
    private static final int HTTP_PORT = Integer.parseInt(System.getenv().getOrDefault("BENCH_HTTP_PORT", "18083"));

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        List<Integer> sizes = new ArrayList<>();
        for (String s : args[1].split(",")) {
            sizes.add(Integer.parseInt(s.trim()));
        }
        Path output = Path.of(args[2]);
        Path work = Files.createTempDirectory("outcome-bench");
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setPort(PG_PORT).setDataDirectory(work.resolve("pgdata")).setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "off").setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "4GB").setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
            s.execute("create database outcomes");
            // The service connects as a role of its own, as in production (application.properties, "Two roles").
            s.execute("create role " + APP_ROLE + " login password '" + APP_ROLE + "'");
        }
        String jdbc = "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/outcomes";
        Process serviceProcess = startService(root, work, jdbc);
        try {
            String service = "http://127.0.0.1:" + HTTP_PORT;
            awaitLive(service);
            Cpu cpu = new Cpu(serviceProcess.pid(), Long.parseLong(Files.readAllLines(work.resolve("pgdata/postmaster.pid")).get(0).trim()));
            measure(service, cpu, jdbc,
                    privateKey(root.resolve("platform/test-support/src/main/resources/jwt/test-private-key.pem")), sizes, output);
        } finally {
            serviceProcess.destroy();
            serviceProcess.waitFor();
            postgres.close();
        }
    }

    /** The packaged service in its own JVM, on the private database; no broker is needed for what is measured. */
    private static Process startService(Path root, Path work, String jdbc) throws IOException {
        // The keys as production mounts them: files (README, "Pseudonyms and keys"), random for each run.
        Path keys = Files.createDirectories(work.resolve("keys"));
        for (String name : List.of("base", "v1", "request-digest")) {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            Files.writeString(keys.resolve(name + ".key"), Base64.getEncoder().encodeToString(key));
        }
        // The local stack's JVM settings (BENCH_SERVICE_JAVA_OPTS, from deploy/local/stack by run.sh), so that the
        // resident memory measured with a million participants is what a pod of the service holds.
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(List.of(System.getenv().getOrDefault("BENCH_SERVICE_JAVA_OPTS", "").trim().split("\\s+")));
        command.removeIf(String::isEmpty);
        command.addAll(List.of("-jar", root.resolve("outcome-service/target/quarkus-app/quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile());
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(HTTP_PORT));
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbc);
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", APP_ROLE);
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", APP_ROLE);
        builder.environment().put("QUARKUS_FLYWAY_USERNAME", "postgres");
        builder.environment().put("QUARKUS_FLYWAY_PASSWORD", "postgres");
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + (PG_PORT + 1));
        builder.environment().put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", root.resolve("platform/test-support/src/main/resources/jwt/test-public-key.pem").toString());
        builder.environment().put("TRIALS_CPR_KEY_DIR", keys.toString());
        builder.environment().put("TRIALS_REQUEST_DIGEST_KEY_FILE", keys.resolve("request-digest.key").toString());
        System.out.println("service log: " + work.resolve("service.log"));
        return builder.start();
    }

    private static void awaitLive(String service) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(service + "/q/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not come up");
    }

    private static void measure(String service, Cpu cpu, String jdbc, PrivateKey key, List<Integer> sizes, Path output)
            throws Exception {
        String token = token(key);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> rows = new ArrayList<>();
        List<String> split = new ArrayList<>();
        rows.add("| participants | COPY baseline (rows/s) | bulk ingest (lines/s) | ingest / COPY | CPU per line ingested: service / PostgreSQL | re-post, all duplicates (lines/s) | estimates follow ingest after | GET /estimates today p50 / p99 | GET /estimates?asOf=yesterday p50 / p99 | service RSS after (MB) |");
        rows.add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            try (Statement s = db.createStatement()) {
                s.execute("create extension pg_stat_statements");
            }
            for (int n : sizes) {
                rows.add(run(n, service, cpu, db, http, token, split) + " " + residentMegabytes(cpu.servicePid()) + " |");
                System.out.println(rows.get(rows.size() - 1));
            }
        }
        rows.add("");
        rows.add("Where the database time of each bulk ingest went (pg_stat_statements over the first post, the service's"
                + " statements; buffers read are 8 kB pages PostgreSQL did not find in shared_buffers):");
        rows.add("");
        rows.add("| participants | statement | calls | share of execution time | µs per line | buffers read per line | buffers dirtied per line | WAL bytes per line |");
        rows.add("|---:|---|---:|---:|---:|---:|---:|---:|");
        rows.addAll(split);
        Files.write(output, rows, StandardCharsets.UTF_8);
    }

    private static String run(int n, String service, Cpu cpu, Connection db, HttpClient http, String token,
                              List<String> split) throws Exception {
        LocalDate today = LocalDate.now(COPENHAGEN);
        UUID trialId = UUID.randomUUID();
        SplittableRandom random = new SplittableRandom(n);
        Path dir = Files.createTempDirectory("outcome-bench");
        Path participants = dir.resolve("participants.csv");
        Path ndjson = dir.resolve("outcomes.ndjson");
        Path copyRows = dir.resolve("outcomes.csv");
        long expectedEvents = 0;
        try (BufferedWriter p = Files.newBufferedWriter(participants);
             BufferedWriter o = Files.newBufferedWriter(ndjson);
             BufferedWriter c = Files.newBufferedWriter(copyRows)) {
            for (int i = 0; i < n; i++) {
                UUID enrolmentId = UUID.randomUUID();
                String arm = random.nextBoolean() ? "treatment" : "control";
                String jobcentre = JOBCENTRES[random.nextInt(JOBCENTRES.length)];
                int followed = 1 + random.nextInt(540);
                LocalDate enrolledOn = today.minusDays(followed);
                byte[] pseudonym = new byte[32];
                random.nextBytes(pseudonym);
                p.write(enrolmentId + "," + trialId + "," + HexFormat.of().formatHex(pseudonym) + "," + arm + ","
                        + jobcentre + "," + jobcentre + "," + enrolledOn + "\n");
                boolean jobExit = random.nextDouble() < 0.85;
                int day = jobExit ? (int) Math.min(followed, Math.floor(-Math.log(random.nextDouble()) * 120 / Math.log(2)))
                        : random.nextInt(followed + 1);
                String type = jobExit ? "JOB_EXIT" : CENSORINGS[random.nextInt(CENSORINGS.length)];
                expectedEvents += jobExit && day <= HORIZON ? 1 : 0;
                String sourceId = "bench-" + n + "-" + i;
                o.write("{\"enrolmentId\":\"" + enrolmentId + "\",\"type\":\"" + type + "\",\"occurredOn\":\""
                        + enrolledOn.plusDays(day) + "\",\"source\":\"DREAM\",\"sourceId\":\"" + sourceId + "\"}\n");
                c.write(trialId + ",DREAM," + sourceId + "," + enrolmentId + "," + type + "," + enrolledOn.plusDays(day) + ",ACCEPTED\n");
            }
        }
        seed(db, trialId, n, participants);

        double copyRate = copyBaseline(db, copyRows, n);
        try (Statement s = db.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        }
        double[] cpuBefore = cpu.seconds();
        Instant start = Instant.now();
        String receipt = post(http, service, trialId, token, ndjson);
        double ingestSeconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
        double[] cpuAfter = cpu.seconds();
        require(receipt, "accepted", n);
        split.addAll(databaseSplit(db, n));
        Instant ingested = Instant.now();
        awaitEvents(http, service, trialId, token, expectedEvents);
        double follow = Duration.between(ingested, Instant.now()).toMillis() / 1000.0;

        start = Instant.now();
        require(post(http, service, trialId, token, ndjson), "duplicate", n);
        double repostSeconds = Duration.between(start, Instant.now()).toNanos() / 1e9;

        for (int i = 0; i < 20; i++) {
            get(http, service, trialId, token, null);
        }
        double[] todayLatency = latencies(http, service, trialId, token, null, 300);
        double[] pastLatency = latencies(http, service, trialId, token, today.minusDays(1), 30);
        Files.walk(dir).sorted(Collections.reverseOrder()).forEach(f -> f.toFile().delete());
        return String.format("| %,d | %,.0f | %,.0f | %.2f | %.0f / %.0f µs | %,.0f | %.1f s | %.1f / %.1f ms | %.1f / %.1f ms |",
                n, copyRate, n / ingestSeconds, (n / ingestSeconds) / copyRate, 1e6 * (cpuAfter[0] - cpuBefore[0]) / n,
                1e6 * (cpuAfter[1] - cpuBefore[1]) / n, n / repostSeconds, follow,
                todayLatency[0], todayLatency[1], pastLatency[0], pastLatency[1]);
    }

    /**
     * The service's statements since the last reset, by execution time: the five largest, then the rest together.
     * Read right after the ingest, before the rolling refresh's and the re-post's statements join them.
     */
    private static List<String> databaseSplit(Connection db, int n) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("""
                with service as (
                  select regexp_replace(left(query, 200), '\\s+', ' ', 'g') as query, calls, total_exec_time,
                         shared_blks_read, shared_blks_dirtied, wal_bytes
                  from pg_stat_statements where userid = (select oid from pg_roles where rolname = '%s')),
                ranked as (
                  select *, row_number() over (order by total_exec_time desc) as rank,
                         total_exec_time / nullif(sum(total_exec_time) over (), 0) as share from service)
                select case when rank <= 5 then query else 'all others' end, sum(calls), sum(share),
                       sum(total_exec_time), sum(shared_blks_read), sum(shared_blks_dirtied), sum(wal_bytes)
                from ranked group by 1, rank <= 5 order by rank <= 5 desc, sum(total_exec_time) desc""".formatted(APP_ROLE))) {
            while (r.next()) {
                String query = r.getString(1);
                lines.add(String.format("| %,d | `%s` | %,d | %.0f %% | %.1f | %.2f | %.2f | %,.0f |", n,
                        query.length() > 90 ? query.substring(0, 90) + "…" : query, r.getLong(2), 100 * r.getDouble(3),
                        1000 * r.getDouble(4) / n, (double) r.getLong(5) / n, (double) r.getLong(6) / n,
                        r.getDouble(7) / n));
            }
        }
        return lines;
    }

    /**
     * CPU time from /proc, the steadier figure on a shared machine: the service's, and PostgreSQL's (the postmaster,
     * its backends and workers alive now, and those it has reaped, which /proc counts to it).
     */
    private record Cpu(long servicePid, long postmasterPid) {

        /** Linux's USER_HZ, in which /proc/<pid>/stat counts, on every architecture the JDK runs on. */
        private static final double TICKS_PER_SECOND = 100;

        /** CPU seconds used so far: the service's, then PostgreSQL's. */
        double[] seconds() throws IOException {
            long postgres = ticks(stat(postmasterPid), true);
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String[] fields = stat(Long.parseLong(process.getFileName().toString()));
                    if (fields != null && Long.parseLong(fields[1]) == postmasterPid) {
                        postgres += ticks(fields, false);
                    }
                }
            }
            return new double[] {ticks(stat(servicePid), false) / TICKS_PER_SECOND, postgres / TICKS_PER_SECOND};
        }

        /** The fields of /proc/<pid>/stat after the command's name (state, ppid, …), or null once it has exited. */
        private static String[] stat(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            } catch (IOException e) {
                return null;
            }
        }

        /** utime + stime, and with {@code reaped} the children's it has waited for (cutime + cstime). */
        private static long ticks(String[] fields, boolean reaped) {
            if (fields == null) {
                return 0;
            }
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return reaped ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        }
    }

    /** The service's resident set (VmRSS) now, in MB. */
    private static long residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    /** The participants and their enrolment counts, as the enrolment-events consumer leaves them. */
    private static void seed(Connection db, UUID trialId, int n, Path participants) throws Exception {
        try (PreparedStatement s = db.prepareStatement("""
                insert into trial_plan (id, status, arms, control_arm, horizon_days, planned_events, design_hash, updated_at)
                values (?, 'RECRUITING', '{treatment,control}', 'control', ?, ?, 'bench', now())""")) {
            s.setObject(1, trialId);
            s.setInt(2, HORIZON);
            s.setInt(3, (int) (n * 0.9));
            s.executeUpdate();
        }
        try (Reader in = Files.newBufferedReader(participants)) {
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy participant (enrolment_id, trial_id, pseudonym, arm, jobcentre, stratum, enrolled_on)
                    from stdin with (format csv)""", in);
        }
        try (PreparedStatement s = db.prepareStatement("""
                insert into enrolment_count (trial_id, arm, jobcentre, enrolled_on, participants)
                select trial_id, arm, jobcentre, enrolled_on, count(*) from participant where trial_id = ?
                group by trial_id, arm, jobcentre, enrolled_on""")) {
            s.setObject(1, trialId);
            s.executeUpdate();
        }
        try (Statement s = db.createStatement()) {
            s.execute("analyze participant");
        }
    }

    private static double copyBaseline(Connection db, Path rows, int n) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("drop table if exists bench_outcome_copy");
            s.execute("create table bench_outcome_copy (like outcome including all)");
        }
        Instant start = Instant.now();
        try (Reader in = Files.newBufferedReader(rows)) {
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy bench_outcome_copy (trial_id, source, source_id, enrolment_id, type, occurred_on, status)
                    from stdin with (format csv)""", in);
        }
        double seconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
        try (Statement s = db.createStatement()) {
            s.execute("drop table bench_outcome_copy");
        }
        return n / seconds;
    }

    private static String post(HttpClient http, String service, UUID trialId, String token, Path file) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service + "/api/v1/trials/" + trialId + "/outcomes/bulk"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("bulk answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static void awaitEvents(HttpClient http, String service, UUID trialId, String token, long expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            String body = get(http, service, trialId, token, null);
            long events = 0;
            Matcher m = Pattern.compile("\"control\":(true|false),\"participants\":\\d+,\"events\":(\\d+)").matcher(body);
            while (m.find()) {
                events += Long.parseLong(m.group(2));
            }
            if (events == expected) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("estimates never showed " + expected + " job exits");
    }

    private static double[] latencies(HttpClient http, String service, UUID trialId, String token, LocalDate asOf, int calls)
            throws Exception {
        double[] millis = new double[calls];
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            get(http, service, trialId, token, asOf);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(millis);
        return new double[]{millis[(int) Math.floor(0.5 * (calls - 1))], millis[(int) Math.ceil(0.99 * (calls - 1))]};
    }

    private static String get(HttpClient http, String service, UUID trialId, String token, LocalDate asOf) throws Exception {
        String query = asOf == null ? "" : "?asOf=" + asOf;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service + "/api/v1/trials/" + trialId + "/estimates" + query))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("estimates answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static void require(String receipt, String field, long expected) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(receipt);
        if (!m.find() || Long.parseLong(m.group(1)) != expected) {
            throw new IllegalStateException("expected " + field + " = " + expected + " in " + receipt);
        }
    }

    /**
     * An admin bearer token signed with the given key (the test key pair the service is started to trust), for the
     * audience the service verifies (mp.jwt.verify.audiences).
     */
    private static String token(PrivateKey key) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"https://trials.local/auth\",\"upn\":\"bench\",\"sub\":\"bench\","
                + "\"aud\":\"trials-api\",\"groups\":[\"admin\"],\"iat\":" + now + ",\"exp\":" + (now + 6 * 3600) + "}").getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(rsa.sign());
    }

    private static PrivateKey privateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
