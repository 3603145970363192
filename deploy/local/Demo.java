import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads a demo trial into a running local stack, through the public REST API only:
 *
 *   1. creates an RCT (trial-service), opens it, and waits until enrolment-service has heard of it;
 *   2. imports ~2,000 historical enrolments of the last 200 days (as if migrated from an older
 *      randomisation list) and asks to enrol ~50 citizens live through the jobcentres' endpoint
 *      (some of them not eligible, so that the trial has exclusions to count);
 *   3. once outcome-service counts every participant, posts simulated outcomes as one NDJSON
 *      file: exponential times to job exit with a modestly higher hazard in the treatment arm
 *      (median ~120 vs ~150 days), plus some emigration / loss to follow-up;
 *   4. prints the recruitment by jobcentre, the trial id and a summary of the estimates, and takes a
 *      formal monitoring look on the default data cut (today minus the plan's reporting lag), as a
 *      monitoring committee's statistician would.
 *
 * Everything the demo sends comes from one java.util.Random seeded by --seed (a fresh seed when
 * none is given; it is printed). With the same seed on the same day (dates and ages count from
 * today) a run sends the same citizens, jobcentres, imported arms, enrolment dates and outcomes,
 * so it prints the same counts. What the services decide is theirs: the arms of the live
 * enrolments come from enrolment-service's SecureRandom, so the participants per arm differ by
 * how those ~50 fall (they are enrolled today and have no outcome yet, so the events and the
 * estimates do not move with them). The outcomes reach outcome-service as one file, after it has
 * every enrolment, and the look sees only what is dated on or before its cut, so each run takes
 * the same look. Each run makes a new trial, so it can be repeated on a running stack.
 *
 *   java -cp <Token, Jackson and smallrye-jwt-build> Demo --keys DIR [--participants N] [--live N] [--seed S]
 *
 * Tokens are minted in-process by Token.mint with the stack's key pair. Base URLs can be
 * overridden with TRIAL_SERVICE_URL, ENROLMENT_SERVICE_URL, OUTCOME_SERVICE_URL.
 */
public class Demo {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final List<String> JOBCENTRES = List.of("101", "147", "751");
    /** Lines per import: the service reports an import's progress at each 500 lines it writes. */
    static final int IMPORT_BATCH = 10_000;
    static final int HORIZON_WEEKS = 26;
    static final double MEDIAN_DAYS_TREATMENT = 120, MEDIAN_DAYS_CONTROL = 150;
    static final double MEDIAN_DAYS_EMIGRATION = 2500, MEDIAN_DAYS_LOST = 1500;

    /** Dates as ISO strings both ways; answers may carry fields the demo does not read. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    final String trials = env("TRIAL_SERVICE_URL", "http://127.0.0.1:8081");
    final String enrolment = env("ENROLMENT_SERVICE_URL", "http://127.0.0.1:8082");
    final String outcome = env("OUTCOME_SERVICE_URL", "http://127.0.0.1:8083");
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final LocalDate today = LocalDate.now(COPENHAGEN);
    final Set<String> usedCprs = new HashSet<>();
    final long seed;
    final Random rnd;
    final Path keys;

    Demo(Path keys, long seed) {
        this.keys = keys;
        this.seed = seed;
        this.rnd = new Random(seed);
    }

    /** One participant as the demo knows it (the services only ever see the CPR number). */
    record Participant(String cpr, String jobcentre, String arm, LocalDate enrolledOn, int weeksUnemployed) { }

    // ---------------------------------------------------------------------------------------
    // Request bodies, as the contract names them
    // ---------------------------------------------------------------------------------------

    record TrialDraft(String title, String type, String targetGroup, List<Arm> arms, Randomisation randomisation,
                      Eligibility eligibility, List<String> jobcentres, PrimaryOutcome primaryOutcome,
                      int plannedParticipants, Period enrolmentPeriod, Power power) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Arm(String code, String name, int allocationWeight, Boolean control) { }

    record Randomisation(String method, List<Integer> blockSizes, List<String> stratifyBy) { }

    record Eligibility(List<String> benefitTypes, int minAge, int maxAge, int maxWeeksUnemployed) { }

    record PrimaryOutcome(String type, int horizonWeeks) { }

    record Period(LocalDate start, LocalDate end) { }

    record Power(double baselineIncidence, double minimumDetectableDifference, double alpha, double power) { }

    record ImportBatch(List<ImportedEnrolment> enrolments) { }

    record ImportedEnrolment(String cpr, String jobcentre, String arm, LocalDate enrolledOn, String benefitType,
                             int weeksUnemployed) { }

    record EnrolmentRequest(String cpr, String jobcentre, String benefitType, int weeksUnemployed) { }

    record OutcomeReport(String cpr, String type, LocalDate occurredOn, String source, String sourceId) { }

    static final String NDJSON = "application/x-ndjson";

    // ---------------------------------------------------------------------------------------
    // The parts of the answers the demo reads
    // ---------------------------------------------------------------------------------------

    record CreatedTrial(UUID id, List<Warning> warnings) { }

    record Warning(String field, String message) { }

    record ImportResult(int imported, int alreadyEnrolled) { }

    /** GET /trials/{id}/uploads/{uploadId} of either service: an import's fields or a bulk file's. */
    record UploadProgress(String state, long linesSubmitted, long linesProcessed, long imported, long alreadyEnrolled,
                          long accepted, long pending, long duplicate, long rejected) { }

    record Enrolled(String arm, Instant enrolledAt) { }

    record Recruitment(long participants, long imported, List<Group> byJobcentre) {
        record Group(String key, long participants) { }
    }

    record Estimates(LocalDate asOf, int horizonDays, Instant computedAt, List<ArmEstimate> arms,
                     List<Comparison> comparisons, Monitoring monitoring) {

        long participants() {
            return arms.stream().mapToLong(ArmEstimate::participants).sum();
        }

        long events() {
            return arms.stream().mapToLong(ArmEstimate::events).sum();
        }
    }

    record ArmEstimate(String arm, long participants, long events, Interval cumulativeIncidence) { }

    record Interval(Double estimate, List<Double> ci95) { }

    record Comparison(String arm, String versus, Interval riskDifference, Interval hazardRatio, LogRank logRank) { }

    record LogRank(Double chiSquare, Double pValue) { }

    record Monitoring(Double informationFraction, Double boundaryZ, Double observedZ, String decision,
                      Boolean provisional, String reason) { }

    record Look(int look, LocalDate cutDate, Double informationRate, Double boundaryZ, Double observedZ,
                String decision, String sha256) { }

    record BulkReceipt(long lines, long accepted, long pending, long duplicate, long rejected, List<Rejection> rejections) {
        record Rejection(long line, String reason) { }
    }

    public static void main(String[] args) throws Exception {
        Path keys = null;
        int participants = 2000, live = 50;
        long seed = new SecureRandom().nextLong();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--keys" -> keys = Path.of(args[++i]);
                    case "--participants" -> participants = Integer.parseInt(args[++i]);
                    case "--live" -> live = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println("usage: Demo --keys DIR [--participants N] [--live N] [--seed S]");
            System.exit(2);
        }
        if (keys == null) {
            System.err.println("Demo: --keys DIR is required");
            System.exit(2);
        }
        try {
            new Demo(keys, seed).run(participants, live);
        } catch (DemoFailure e) {
            System.err.println("demo failed: " + e.getMessage());
            System.exit(1);
        }
    }

    void run(int historical, int live) throws Exception {
        System.out.printf("seed %d, day %s (the same seed on the same day sends the same data: "
                + "deploy/local/stack up --demo --seed %d)%n", seed, today, seed);

        // 1. Design and open the trial.
        UUID trialId = createTrial();
        System.out.println("created trial " + trialId);
        expect(call("POST", trials + "/api/v1/trials/" + trialId + "/open", token("trial-designer", null), null),
                "open the trial", 200, 204);
        System.out.println("opened it (RECRUITING); waiting for enrolment-service to learn of it ...");
        waitUntilKnown(trialId);

        // 2. Enrolments: historical ones imported, then a few live ones.
        List<Participant> people = new ArrayList<>();
        List<Participant> imported = historicalEnrolments(historical);
        for (int from = 0; from < imported.size(); from += IMPORT_BATCH) {
            List<Participant> batch = imported.subList(from, Math.min(imported.size(), from + IMPORT_BATCH));
            String uploadId = "demo-import-" + UUID.randomUUID();
            byte[] body = JSON.writeValueAsBytes(importBatch(batch));
            ImportResult result = expect(following(enrolment + "/api/v1/trials/" + trialId + "/uploads/" + uploadId,
                    p -> String.format("  import: %d of %d lines written (%d new, %d already enrolled), %s",
                            p.linesProcessed(), p.linesSubmitted(), p.imported(), p.alreadyEnrolled(), p.state()),
                    () -> send("POST", enrolment + "/api/v1/trials/" + trialId + "/enrolments/import",
                            token("admin", null), "application/json", body, Map.of("Upload-Id", uploadId))),
                    "import enrolments", 200).as(ImportResult.class);
            people.addAll(batch);
            System.out.printf("imported %d/%d historical enrolments (%d taken over, %d already enrolled)%n",
                    people.size(), imported.size(), result.imported(), result.alreadyEnrolled());
        }
        people.addAll(enrolLive(trialId, live));
        printRecruitment(trialId);

        // 3. Outcomes, once outcome-service has every enrolment (from enrolment-events), so that each
        //    outcome finds its participant and all of them count in the same refresh.
        Estimates before = awaitEstimates(trialId, people.size(), 0);
        if (before == null || before.participants() < people.size()) {
            System.out.printf("  outcome-service counts %d of %d participants after 60 s; outcomes of the others wait"
                    + " as pending%n", before == null ? 0 : before.participants(), people.size());
        }
        int expectedEvents = postOutcomes(trialId, people);

        // 4. Estimates, once outcome-service has counted the outcomes, then a formal look.
        printEstimates(awaitEstimates(trialId, people.size(), expectedEvents), people.size(), expectedEvents);
        takeLook(trialId);
        System.out.println();
        System.out.println("demo trial: " + trialId);
        System.out.println("  curl -H \"Authorization: Bearer $(deploy/local/token analyst)\" "
                + outcome + "/api/v1/trials/" + trialId + "/estimates");
        System.out.println("  curl -H \"Authorization: Bearer $(deploy/local/token analyst)\" "
                + outcome + "/api/v1/trials/" + trialId + "/looks");
    }

    // ---------------------------------------------------------------------------------------
    // Steps
    // ---------------------------------------------------------------------------------------

    UUID createTrial() throws Exception {
        TrialDraft draft = new TrialDraft(
                "Demo: early intensive contact for young dagpenge recipients (seed " + seed + ", "
                        + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(LocalDateTime.now(COPENHAGEN)) + ")",
                "RCT", "DAGPENGE",
                List.of(new Arm("treatment", "Intensive contact", 1, null),
                        new Arm("control", "Ordinary effort", 1, true)),
                // Stratified by jobcentre, each jobcentre sees all of its strata's allocations: two block sizes, each
                // at least twice the total weight, keep its next allocation uncertain (trial-service warns otherwise).
                new Randomisation("PERMUTED_BLOCK", List.of(4, 6), List.of("jobcentre")),
                new Eligibility(List.of("DAGPENGE"), 18, 29, 52),
                JOBCENTRES,
                new PrimaryOutcome("JOB_EXIT", HORIZON_WEEKS),
                2000,
                new Period(today.minusDays(200), today.plusDays(165)),
                new Power(0.35, 0.05, 0.05, 0.8));
        Response r = expect(call("POST", trials + "/api/v1/trials", token("trial-designer", null), draft),
                "create the trial", 201);
        CreatedTrial created = r.as(CreatedTrial.class);
        if (created.id() == null) {
            throw new DemoFailure("trial-service answered 201 without an id: " + r.body);
        }
        if (created.warnings() != null && !created.warnings().isEmpty()) {
            throw new DemoFailure("the demo design lets jobcentres foresee allocations: " + created.warnings());
        }
        return created.id();
    }

    /** Trials reach enrolment-service only through Kafka: poll its recruitment view until it knows this one. */
    void waitUntilKnown(UUID trialId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            last = call("GET", enrolment + "/api/v1/trials/" + trialId + "/recruitment", token("admin", null), null);
            if (last.status == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new DemoFailure("enrolment-service still does not know trial " + trialId + " after 120 s (last answer "
                + last.status + " " + last.body + ")");
    }

    List<Participant> historicalEnrolments(int n) {
        List<Participant> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Aged 19-29 today, so that nobody was under 18 on an enrolment date up to 200 days ago.
            String cpr = newCpr(19, 29);
            LocalDate enrolledOn = today.minusDays(1 + rnd.nextInt(199));
            String arm = rnd.nextBoolean() ? "treatment" : "control";   // what SIMPLE randomisation did back then
            list.add(new Participant(cpr, pick(JOBCENTRES), arm, enrolledOn, rnd.nextInt(41)));
        }
        return list;
    }

    static ImportBatch importBatch(List<Participant> batch) {
        return new ImportBatch(batch.stream()
                .map(p -> new ImportedEnrolment(p.cpr(), p.jobcentre(), p.arm(), p.enrolledOn(), "DAGPENGE",
                        p.weeksUnemployed()))
                .toList());
    }

    /**
     * Live enrolments, each by its own jobcentre's token; the service allocates the arm. Jobcentres
     * also ask for citizens outside the trial's ages (16-34 against 18-29) or unemployed too long
     * (up to 60 weeks against 52): enrolment-service refuses them (422) and counts them among the
     * trial's exclusions, the top of the dashboard's CONSORT flow. The draws for a citizen come
     * before the request, so a refusal never shifts what the seed makes next.
     */
    List<Participant> enrolLive(UUID trialId, int n) throws Exception {
        List<Participant> enrolled = new ArrayList<>();
        int notEligible = 0;
        int refused = 0;
        for (int i = 0; i < n; i++) {
            String jobcentre = pick(JOBCENTRES);
            String cpr = newCpr(16, 34);
            int weeks = rnd.nextInt(61);
            Response r = call("POST", enrolment + "/api/v1/trials/" + trialId + "/enrolments",
                    token("jobcentre", jobcentre), new EnrolmentRequest(cpr, jobcentre, "DAGPENGE", weeks));
            if (r.status == 422) {
                notEligible++;
                continue;
            }
            if (r.status != 201 && r.status != 200) {
                if (refused++ < 3) {
                    System.out.println("  live enrolment refused: " + r.status + " " + r.body);
                }
                continue;
            }
            Enrolled answer = r.as(Enrolled.class);
            LocalDate on = answer.enrolledAt() == null ? today : answer.enrolledAt().atZone(COPENHAGEN).toLocalDate();
            enrolled.add(new Participant(cpr, jobcentre, answer.arm(), on, weeks));
        }
        System.out.printf("enrolled %d citizens live; %d found not eligible%s%n", enrolled.size(), notEligible,
                refused > 0 ? "; " + refused + " refused otherwise" : "");
        return enrolled;
    }

    /** Recruitment as enrolment-service counts it (arm counts stay concealed while a block design enrols). */
    void printRecruitment(UUID trialId) throws Exception {
        Recruitment recruitment = expect(call("GET", enrolment + "/api/v1/trials/" + trialId + "/recruitment",
                token("admin", null), null), "read the recruitment", 200).as(Recruitment.class);
        String byJobcentre = recruitment.byJobcentre() == null ? "n/a" : recruitment.byJobcentre().stream()
                .map(g -> g.key() + " " + g.participants())
                .collect(Collectors.joining(", "));
        System.out.printf("recruitment: %d participants (%d imported, %d live); by jobcentre: %s%n",
                recruitment.participants(), recruitment.imported(), recruitment.participants() - recruitment.imported(),
                byJobcentre);
    }

    /**
     * Simulated register outcomes. Times to job exit and to censoring are exponential; whatever
     * comes first is reported if it has happened by today. Live enrolments (today) get none yet.
     * One NDJSON file of up to 5,000 lines is one transaction in outcome-service. Returns the
     * number of job exits within the horizon: the events the estimates will show.
     */
    int postOutcomes(UUID trialId, List<Participant> people) throws Exception {
        String sourcePrefix = "demo-" + trialId.toString().substring(0, 8) + "-";
        int horizonDays = HORIZON_WEEKS * 7;
        StringBuilder file = new StringBuilder();
        int reports = 0, jobExits = 0, withinHorizon = 0;
        for (Participant p : people) {
            double median = "treatment".equals(p.arm()) ? MEDIAN_DAYS_TREATMENT : MEDIAN_DAYS_CONTROL;
            long exit = exponentialDays(median);
            long emigrated = exponentialDays(MEDIAN_DAYS_EMIGRATION);
            long lost = exponentialDays(MEDIAN_DAYS_LOST);
            long first = Math.min(exit, Math.min(emigrated, lost));
            LocalDate on = p.enrolledOn().plusDays(first);
            if (on.isAfter(today)) {
                continue;                                           // nothing has happened yet
            }
            String type = first == exit ? "JOB_EXIT" : first == emigrated ? "EMIGRATED" : "LOST_TO_FOLLOW_UP";
            if ("JOB_EXIT".equals(type)) {
                jobExits++;
                withinHorizon += first <= horizonDays ? 1 : 0;
            }
            file.append(JSON.writeValueAsString(new OutcomeReport(p.cpr(), type, on, "DEMO", sourcePrefix + reports)))
                    .append('\n');
            reports++;
        }
        String uploadId = "demo-outcomes-" + UUID.randomUUID();
        byte[] body = file.toString().getBytes(StandardCharsets.UTF_8);
        BulkReceipt receipt = expect(following(outcome + "/api/v1/trials/" + trialId + "/uploads/" + uploadId,
                p -> String.format("  outcomes: %d lines so far (%d accepted, %d pending, %d duplicate, %d rejected), %s",
                        p.linesProcessed(), p.accepted(), p.pending(), p.duplicate(), p.rejected(), p.state()),
                () -> send("POST", outcome + "/api/v1/trials/" + trialId + "/outcomes/bulk", token("admin", null),
                        NDJSON, body, Map.of("Upload-Id", uploadId))),
                "post the outcomes", 200).as(BulkReceipt.class);
        System.out.printf("posted %d outcomes (%d job exits, %d of them within the %d-day horizon; %d censoring events):"
                        + " %d accepted, %d pending, %d duplicate, %d rejected%n",
                reports, jobExits, withinHorizon, horizonDays, reports - jobExits,
                receipt.accepted(), receipt.pending(), receipt.duplicate(), receipt.rejected());
        if (receipt.rejections() != null) {
            receipt.rejections().stream().limit(3)
                    .forEach(r -> System.out.println("  line " + r.line() + " rejected: " + r.reason()));
        }
        return withinHorizon;
    }

    /**
     * Estimates follow the enrolment events and outcomes within seconds. Waits (up to 60 s) until
     * the participants and the events count at least as many as given and the figures are the
     * ones outcome-service's refresh recorded (a read between refreshes is computed on the spot,
     * with a new computedAt each read; two reads with the same computedAt are the settled figures).
     * Returns the last estimates read, or null if there were none.
     */
    Estimates awaitEstimates(UUID trialId, int participants, int events) throws Exception {
        String url = outcome + "/api/v1/trials/" + trialId + "/estimates";
        String analyst = token("analyst", null);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Estimates est = null;
        while (true) {
            Instant previous = est == null ? null : est.computedAt();
            Response r = call("GET", url, analyst, null);
            if (r.status == 200) {
                est = r.as(Estimates.class);
                boolean complete = est.participants() >= participants && est.events() >= events;
                if (complete && est.computedAt() != null && est.computedAt().equals(previous)) {
                    return est;
                }
            }
            if (System.nanoTime() >= deadline) {
                return est;
            }
            Thread.sleep(300);
        }
    }

    /**
     * Takes a formal look on request, as a monitoring committee's statistician (an admin) would, on the default data
     * cut (today minus the plan's 14-day reporting lag): only formal looks decide, the estimates' monitoring figures
     * are provisional. A look may be refused (409, e.g. no information at the cut yet); the demo says so and goes on.
     */
    void takeLook(UUID trialId) throws Exception {
        // Keyed, so that the retry of a dropped connection gets the first answer instead of taking a second look.
        Response r = send("POST", outcome + "/api/v1/trials/" + trialId + "/looks", token("admin", null),
                "application/json", JSON.writeValueAsBytes(Map.of("reason", "Demo: a look on the default data cut")),
                Map.of("Idempotency-Key", "demo-look-" + trialId));
        if (r.status != 201) {
            System.out.printf("  formal look refused (%d): %s%n", r.status, r.body());
            return;
        }
        Look look = r.as(Look.class);
        System.out.printf("  formal look %d on the data cut %s: information %s, boundary Z %s, observed Z %s -> %s%n",
                look.look(), look.cutDate(), fmt(look.informationRate()), fmt(look.boundaryZ()), fmt(look.observedZ()),
                look.decision());
        System.out.printf("  its report's sha256 (what a committee member signs): %s%n", look.sha256());
    }

    void printEstimates(Estimates est, int expectedParticipants, int expectedEvents) {
        if (est == null) {
            System.out.println("no estimates from outcome-service after 60 s");
            return;
        }
        System.out.println();
        System.out.printf("estimates as of %s (horizon %d days):%n", est.asOf(), est.horizonDays());
        if (est.participants() < expectedParticipants || est.events() < expectedEvents) {
            System.out.printf("  (outcome-service had not caught up after 60 s: %d of %d participants, %d of %d events)%n",
                    est.participants(), expectedParticipants, est.events(), expectedEvents);
        }
        for (ArmEstimate arm : est.arms()) {
            System.out.printf("  %-10s %5d participants, %4d events, cumulative incidence %s%n",
                    arm.arm(), arm.participants(), arm.events(), estimate(arm.cumulativeIncidence()));
        }
        for (Comparison c : est.comparisons()) {
            Double pValue = c.logRank() == null ? null : c.logRank().pValue();
            System.out.printf("  %s vs %s: hazard ratio %s, risk difference %s, log-rank p = %s%n",
                    c.arm(), c.versus(), estimate(c.hazardRatio()), estimate(c.riskDifference()), fmt(pValue));
        }
        Monitoring m = est.monitoring();
        if (m != null) {
            System.out.printf("  monitoring (%s): information fraction %s, boundary Z %s, observed Z %s; decision of the"
                            + " formal looks so far: %s%n", Boolean.TRUE.equals(m.provisional()) ? "provisional" : "at a look",
                    fmt(m.informationFraction()), fmt(m.boundaryZ()), fmt(m.observedZ()), m.decision());
        }
    }

    // ---------------------------------------------------------------------------------------
    // Simulation helpers
    // ---------------------------------------------------------------------------------------

    /** Whole days (at least 1) from an exponential distribution with the given median. */
    long exponentialDays(double medianDays) {
        double rate = Math.log(2) / medianDays;
        return Math.max(1, (long) Math.ceil(-Math.log(1 - rnd.nextDouble()) / rate));
    }

    /**
     * A fresh, valid-format CPR number (DDMMYYSSSS) for someone aged minAge..maxAge today. The 7th
     * digit carries the century by the CPR office's rule: 0-3 for 1900-1999; 4 and 9 for 2000-2036
     * (and 1937-1999); 5-8 for 2000-2057 (and 1858-1899). The last digit is odd for men, even for women.
     */
    String newCpr(int minAge, int maxAge) {
        while (true) {
            LocalDate youngest = today.minusYears(minAge);                // turned minAge today at the latest
            LocalDate oldest = today.minusYears(maxAge + 1).plusDays(1);  // turns maxAge+1 tomorrow
            LocalDate birth = oldest.plusDays(rnd.nextInt((int) ChronoUnit.DAYS.between(oldest, youngest) + 1));
            int centuryDigit = birth.getYear() >= 2000 ? 4 + rnd.nextInt(6) : rnd.nextInt(4);
            String cpr = String.format("%02d%02d%02d%d%02d%d", birth.getDayOfMonth(), birth.getMonthValue(),
                    birth.getYear() % 100, centuryDigit, rnd.nextInt(100), rnd.nextInt(10));
            if (usedCprs.add(cpr)) {
                return cpr;
            }
        }
    }

    String pick(List<String> values) {
        return values.get(rnd.nextInt(values.size()));
    }

    // ---------------------------------------------------------------------------------------
    // HTTP
    // ---------------------------------------------------------------------------------------

    record Response(int status, String body) {
        <T> T as(Class<T> type) {
            try {
                return JSON.readValue(body, type);
            } catch (JsonProcessingException e) {
                throw new DemoFailure("unexpected answer (HTTP " + status + "), not a " + type.getSimpleName()
                        + ": " + body);
            }
        }
    }

    static class DemoFailure extends RuntimeException {
        DemoFailure(String message) {
            super(message);
        }
    }

    String token(String role, String jobcentre) throws Exception {
        return Token.mint(keys, role, jobcentre);
    }

    /** One call with an optional JSON body (any record above, written by Jackson). */
    Response call(String method, String url, String bearer, Object body) throws IOException, InterruptedException {
        return body == null ? send(method, url, bearer, null, null)
                : send(method, url, bearer, "application/json", JSON.writeValueAsBytes(body));
    }

    Response send(String method, String url, String bearer, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return send(method, url, bearer, contentType, body, Map.of());
    }

    /**
     * {@code headers}: e.g. the Idempotency-Key of a request that is not repeatable by itself, or the Upload-Id by
     * which an upload's progress is followed.
     */
    Response send(String method, String url, String bearer, String contentType, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json");
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest request = b.build();
        // Every call the demo makes is safe to repeat (enrolment is idempotent per citizen, an
        // outcome per source + sourceId, a look by its Idempotency-Key), so a dropped keep-alive connection just
        // means: again.
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Response(r.statusCode(), r.body());
            } catch (java.net.ConnectException e) {
                throw new DemoFailure("cannot reach " + url + " (is the stack up?)");
            } catch (IOException e) {
                if (attempt == 3) {
                    throw new DemoFailure(method + " " + url + " failed: " + e);
                }
                Thread.sleep(200L * attempt);
            }
        }
    }

    /** An upload, sent with its Upload-Id on this thread while another polls {@code progressUrl}. */
    interface Upload {
        Response send() throws Exception;
    }

    /**
     * Sends the upload, and meanwhile asks every second how far it has come, printing each change (the last one,
     * asked once it answered, shows its final counts): a large file shows its progress instead of a silent wait.
     */
    Response following(String progressUrl, Function<UploadProgress, String> describe, Upload upload)
            throws Exception {
        String admin = token("admin", null);
        AtomicReference<String> shown = new AtomicReference<>("");
        Runnable show = () -> {
            try {
                Response r = call("GET", progressUrl, admin, null);
                if (r.status == 200) {
                    String line = describe.apply(r.as(UploadProgress.class));
                    if (!line.equals(shown.getAndSet(line))) {
                        System.out.println(line);
                    }
                }
            } catch (Exception e) {
                // Progress is a courtesy: a poll that fails is simply asked again a second later.
            }
        };
        ScheduledExecutorService poller = Executors
                .newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "demo-progress");
                    thread.setDaemon(true);
                    return thread;
                });
        poller.scheduleWithFixedDelay(show, 1, 1, TimeUnit.SECONDS);
        try {
            return upload.send();
        } finally {
            poller.shutdownNow();
            poller.awaitTermination(5, TimeUnit.SECONDS);
            show.run();
        }
    }

    static Response expect(Response r, String what, int... ok) {
        for (int s : ok) {
            if (r.status == s) {
                return r;
            }
        }
        throw new DemoFailure("could not " + what + ": HTTP " + r.status + " " + r.body);
    }

    /** "0.351 (95% CI 0.321 to 0.382)", or the service's null as "n/a". */
    static String estimate(Interval i) {
        if (i == null || i.estimate() == null) {
            return "n/a";
        }
        List<Double> ci = i.ci95() == null ? List.of() : i.ci95();
        return fmt(i.estimate()) + (ci.size() == 2 ? " (95% CI " + fmt(ci.get(0)) + " to " + fmt(ci.get(1)) + ")" : "");
    }

    static String fmt(Double d) {
        return d == null ? "n/a" : String.format("%.3f", d);
    }

    static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
