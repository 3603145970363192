import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.postgresql.PGConnection;

/**
 * What one batch of a bulk ingest costs the database, statement by statement and in isolation: one connection, no
 * service, a private PostgreSQL with the service's migrations and a million participants. Each round writes a batch
 * of 5,000 new outcomes with each form of the outcome insert, then reads and updates 5,000 random participants with
 * each form of the participants' statements; the medians over the rounds are printed per line, beside COPY of the
 * same outcome rows in the same rounds. The forms are the statements of OutcomeStore and ParticipantStore as of
 * 3 December and the alternatives weighed then (bench/README.md, "What a line costs the database"); OutcomeBench
 * measures the service itself.
 *
 * java -cp "$(cat outcome-service/target/bench-classpath.txt)" outcome-service/bench/StatementCosts.java REPO_ROOT
 * (run.sh writes that classpath file)
 */
public class StatementCosts {

    private static final int PARTICIPANTS = 1_000_000;
    private static final int BATCH = 5000;
    private static final int WARM_UP_ROUNDS = 20;
    private static final int ROUNDS = 15;
    private static final int PG_PORT = Integer.parseInt(System.getenv().getOrDefault("BENCH_PG_PORT", "55499"));

    /** OutcomeStore's insert without its conflict clause. */
    private static final String OUTCOME_ROWS = """
            insert into outcome (trial_id, source, source_id, enrolment_id, pseudonym, type, occurred_on,
                                 reported_by_jobcentre, status, reason)
            select ?, u.* from unnest(?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::date[], ?::text[],
                                      ?::text[], ?::text[])
              as u(source, source_id, enrolment_id, pseudonym, type, occurred_on, reported_by_jobcentre, status, reason)
            """;
    /** The same rows with the keys already kept left out by a probe of the unique key, instead of the clause. */
    private static final String PROBED_ROWS = """
            insert into outcome (trial_id, source, source_id, enrolment_id, pseudonym, type, occurred_on,
                                 reported_by_jobcentre, status, reason)
            select t.id, u.* from (select ?::uuid) as t(id),
              unnest(?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::text[])
              as u(source, source_id, enrolment_id, pseudonym, type, occurred_on, reported_by_jobcentre, status, reason)
            where not exists (select 1 from outcome o
                              where o.trial_id = t.id and o.source = u.source and o.source_id = u.source_id)
            returning source, source_id""";
    private static final String PARTICIPANT_COLUMNS = "enrolment_id, trial_id, pseudonym, arm, jobcentre,"
            + " coalesce(acting_jobcentre, jobcentre), enrolled_on, ended_day, ended_by_job_exit, ctid::text";

    private interface Form {
        void write(Connection c, Batch batch) throws Exception;
    }

    /** One batch: new source ids, random participants. */
    private record Batch(UUID trialId, String[] sourceIds, String[] enrolmentIds) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Map<String, Form> forms = new LinkedHashMap<>();
        forms.put("outcomes: COPY (the baseline)", StatementCosts::copy);
        forms.put("outcomes: insert … on conflict do nothing returning (the service's)", (c, b) ->
                insert(c, b, OUTCOME_ROWS + "on conflict (trial_id, source, source_id) do nothing returning source, source_id"));
        forms.put("outcomes: insert … where not exists (a probe of the key) returning", (c, b) -> insert(c, b, PROBED_ROWS));
        forms.put("outcomes: plain insert (no duplicate looked for: the floor)", (c, b) -> insert(c, b, OUTCOME_ROWS));
        forms.put("participants: read for update, update by enrolment id (the service's)", (c, b) -> {
            read(c, b, " for update");
            updateEnds(c, b.enrolmentIds(), "uuid", "enrolment_id");
        });
        forms.put("participants: read without the lock, update by enrolment id", (c, b) -> {
            read(c, b, "");
            updateEnds(c, b.enrolmentIds(), "uuid", "enrolment_id");
        });
        forms.put("participants: read for update, update by row address (ctid)", (c, b) ->
                updateEnds(c, read(c, b, " for update"), "tid", "ctid"));

        Path work = Files.createTempDirectory("statement-costs");
        try (var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setPort(PG_PORT)
                .setDataDirectory(work.resolve("pgdata")).setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "off").setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "4GB").setServerConfig("listen_addresses", "127.0.0.1").start();
             Connection db = postgres.getPostgresDatabase().getConnection()) {
            migrate(db, root.resolve("outcome-service/src/main/resources/db/migration"));
            UUID trialId = UUID.randomUUID();
            String[] participants = seed(db, trialId);
            db.setAutoCommit(false);
            SplittableRandom random = new SplittableRandom(1);
            long next = 0;
            Map<String, List<Double>> micros = new LinkedHashMap<>();
            for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
                for (Map.Entry<String, Form> form : forms.entrySet()) {
                    String[] sourceIds = new String[BATCH];
                    String[] enrolmentIds = new String[BATCH];
                    for (int i = 0; i < BATCH; i++) {
                        sourceIds[i] = "bench-" + next++;
                        enrolmentIds[i] = participants[random.nextInt(PARTICIPANTS)];
                    }
                    long start = System.nanoTime();
                    form.getValue().write(db, new Batch(trialId, sourceIds, enrolmentIds));
                    db.commit();
                    if (round >= 0) {
                        micros.computeIfAbsent(form.getKey(), k -> new ArrayList<>())
                                .add((System.nanoTime() - start) / 1e3 / BATCH);
                    }
                }
            }
            double copy = median(micros.values().iterator().next());
            System.out.println("| form | µs per line (median of " + ROUNDS + " batches of " + BATCH + ") | / COPY |");
            System.out.println("|---|---:|---:|");
            micros.forEach((form, values) -> System.out.printf("| %s | %.1f | %.2f |%n", form, median(values),
                    median(values) / copy));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void migrate(Connection db, Path migrations) throws Exception {
        List<Path> files = new ArrayList<>();
        try (var listed = Files.list(migrations)) {
            listed.forEach(files::add);
        }
        files.sort(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))));
        for (Path file : files) {
            try (Statement s = db.createStatement()) {
                s.execute(Files.readString(file));
            }
        }
    }

    /** A million participants by COPY, as OutcomeBench seeds them but all of one jobcentre; their enrolment ids. */
    private static String[] seed(Connection db, UUID trialId) throws Exception {
        SplittableRandom random = new SplittableRandom(PARTICIPANTS);
        String[] ids = new String[PARTICIPANTS];
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < PARTICIPANTS; i++) {
            ids[i] = UUID.randomUUID().toString();
            byte[] pseudonym = new byte[32];
            random.nextBytes(pseudonym);
            rows.append(ids[i]).append(',').append(trialId).append(',').append(HexFormat.of().formatHex(pseudonym))
                    .append(random.nextBoolean() ? ",treatment" : ",control").append(",101,101,")
                    .append(LocalDate.of(2025, 1, 1).plusDays(random.nextInt(540))).append('\n');
        }
        db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy participant (enrolment_id, trial_id, pseudonym, arm,"
                + " jobcentre, stratum, enrolled_on) from stdin with (format csv)", new StringReader(rows.toString()));
        try (Statement s = db.createStatement()) {
            s.execute("analyze participant");
        }
        return ids;
    }

    private static void copy(Connection c, Batch batch) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < BATCH; i++) {
            rows.append(batch.trialId()).append(",DREAM,").append(batch.sourceIds()[i]).append(',')
                    .append(batch.enrolmentIds()[i]).append(",,JOB_EXIT,2025-03-01,,ACCEPTED,\n");
        }
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy outcome (trial_id, source, source_id, enrolment_id,"
                + " pseudonym, type, occurred_on, reported_by_jobcentre, status, reason) from stdin with (format csv)",
                new StringReader(rows.toString()));
    }

    private static void insert(Connection c, Batch batch, String sql) throws SQLException {
        String[] none = new String[BATCH];
        String[] source = filled("DREAM");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, batch.trialId());
            Object[][] columns = {source, batch.sourceIds(), batch.enrolmentIds(), none, filled("JOB_EXIT"),
                    filled("2025-03-01"), none, filled("ACCEPTED"), none};
            for (int k = 0; k < columns.length; k++) {
                s.setArray(k + 2, c.createArrayOf("text", columns[k]));
            }
            if (s.execute()) {
                try (ResultSet r = s.getResultSet()) {
                    while (r.next()) {
                        r.getString(2);
                    }
                }
            }
        }
    }

    private static String[] filled(String value) {
        String[] column = new String[BATCH];
        Arrays.fill(column, value);
        return column;
    }

    /** The participants of the batch as the ingest reads them; their row addresses. */
    private static String[] read(Connection c, Batch batch, String lock) throws SQLException {
        List<String> addresses = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select " + PARTICIPANT_COLUMNS + " from participant"
                + " where enrolment_id = any (?::uuid[]) and trial_id = ? order by enrolment_id" + lock)) {
            s.setArray(1, c.createArrayOf("text", batch.enrolmentIds()));
            s.setObject(2, batch.trialId());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    addresses.add(r.getString(10));
                }
            }
        }
        return addresses.toArray(String[]::new);
    }

    private static void updateEnds(Connection c, String[] keys, String type, String column) throws SQLException {
        Integer[] days = new Integer[keys.length];
        Boolean[] jobExits = new Boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            days[i] = i % 182;
            jobExits[i] = i % 7 != 0;
        }
        try (PreparedStatement s = c.prepareStatement("update participant p set ended_day = u.day,"
                + " ended_by_job_exit = u.job_exit from unnest(?::" + type + "[], ?::int[], ?::boolean[])"
                + " as u(key, day, job_exit) where p." + column + " = u.key")) {
            s.setArray(1, c.createArrayOf("text", keys));
            s.setArray(2, c.createArrayOf("int4", days));
            s.setArray(3, c.createArrayOf("bool", jobExits));
            s.executeUpdate();
        }
    }
}
