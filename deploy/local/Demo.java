import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads a demo trial into a running local stack, through the public REST API only:
 *
 *   1. creates an RCT (trial-service), opens it, and waits until enrolment-service has heard of it;
 *   2. imports ~2,000 historical enrolments of the last 200 days (as if migrated from an older
 *      randomisation list) and enrols ~50 citizens live through the jobcentres' endpoint;
 *   3. posts simulated outcomes: exponential times to job exit with a modestly higher hazard in
 *      the treatment arm (median ~120 vs ~150 days), plus some emigration / loss to follow-up;
 *   4. prints the trial id and a summary of the estimates.
 *
 * Each run makes a new trial with new (random, valid-format) CPR numbers, so it can be repeated.
 *
 *   java -cp <Token classes> Demo.java --keys DIR [--participants N] [--live N] [--seed S]
 *
 * Tokens are minted in-process by Token.mint with the stack's key pair. Base URLs can be
 * overridden with TRIAL_SERVICE_URL, ENROLMENT_SERVICE_URL, OUTCOME_SERVICE_URL.
 */
public class Demo {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final List<String> JOBCENTRES = List.of("101", "147", "751");
    static final int IMPORT_BATCH = 500;
    static final double MEDIAN_DAYS_TREATMENT = 120, MEDIAN_DAYS_CONTROL = 150;
    static final double MEDIAN_DAYS_EMIGRATION = 2500, MEDIAN_DAYS_LOST = 1500;

    final String trials = env("TRIAL_SERVICE_URL", "http://127.0.0.1:8081");
    final String enrolment = env("ENROLMENT_SERVICE_URL", "http://127.0.0.1:8082");
    final String outcome = env("OUTCOME_SERVICE_URL", "http://127.0.0.1:8083");
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final LocalDate today = LocalDate.now(COPENHAGEN);
    final Set<String> usedCprs = new HashSet<>();
    Random rnd;
    Path keys;

    /** One participant as the demo knows it (the services only ever see the CPR number). */
    record Participant(String cpr, String jobcentre, String arm, LocalDate enrolledOn, int weeksUnemployed) { }

    public static void main(String[] args) throws Exception {
        Demo demo = new Demo();
        int participants = 2000, live = 50;
        long seed = System.nanoTime();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keys" -> demo.keys = Path.of(args[++i]);
                case "--participants" -> participants = Integer.parseInt(args[++i]);
                case "--live" -> live = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: Demo --keys DIR [--participants N] [--live N] [--seed S]");
                    System.exit(2);
                }
            }
        }
        if (demo.keys == null) {
            System.err.println("Demo: --keys DIR is required");
            System.exit(2);
        }
        demo.rnd = new Random(seed);
        try {
            demo.run(participants, live);
        } catch (DemoFailure e) {
            System.err.println("demo failed: " + e.getMessage());
            System.exit(1);
        }
    }

    void run(int historical, int live) throws Exception {
        // 1. Design and open the trial.
        String trialId = createTrial();
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
            expect(call("POST", enrolment + "/api/v1/trials/" + trialId + "/enrolments/import", token("admin", null),
                    importBody(batch)), "import enrolments", 200, 201, 202, 204);
            people.addAll(batch);
            System.out.printf("imported %d/%d historical enrolments%n", people.size(), imported.size());
        }
        people.addAll(enrolLive(trialId, live));

        // 3. Outcomes.
        postOutcomes(trialId, people);

        // 4. Estimates, once outcome-service has caught up with the enrolment events.
        printEstimates(trialId, people.size());
        System.out.println();
        System.out.println("demo trial: " + trialId);
        System.out.println("  curl -H \"Authorization: Bearer $(deploy/local/token analyst)\" "
                + outcome + "/api/v1/trials/" + trialId + "/estimates");
    }

    // ---------------------------------------------------------------------------------------
    // Steps
    // ---------------------------------------------------------------------------------------

    String createTrial() throws Exception {
        String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(java.time.LocalDateTime.now(COPENHAGEN));
        String body = """
                {
                  "title": %s,
                  "type": "RCT",
                  "targetGroup": "DAGPENGE",
                  "arms": [
                    {"code": "treatment", "name": "Intensive contact", "allocationWeight": 1},
                    {"code": "control",   "name": "Ordinary effort",   "allocationWeight": 1, "control": true}
                  ],
                  "randomisation": {"method": "PERMUTED_BLOCK", "blockSizes": [2, 4], "stratifyBy": ["jobcentre"]},
                  "eligibility": {"benefitTypes": ["DAGPENGE"], "minAge": 18, "maxAge": 29, "maxWeeksUnemployed": 52},
                  "jobcentres": ["101", "147", "751"],
                  "primaryOutcome": {"type": "JOB_EXIT", "horizonWeeks": 26},
                  "plannedParticipants": 2000,
                  "enrolmentPeriod": {"start": "%s", "end": "%s"},
                  "power": {"baselineIncidence": 0.35, "minimumDetectableDifference": 0.05, "alpha": 0.05, "power": 0.8}
                }
                """.formatted(q("Demo: early intensive contact for young dagpenge recipients (" + stamp + ")"),
                today.minusDays(200), today.plusDays(165));
        Response r = expect(call("POST", trials + "/api/v1/trials", token("trial-designer", null), body),
                "create the trial", 201);
        Object id = r.json().get("id");
        if (id == null) {
            throw new DemoFailure("trial-service answered 201 without an id: " + r.body);
        }
        return id.toString();
    }

    /** Trials reach enrolment-service only through Kafka: poll its recruitment view until it knows this one. */
    void waitUntilKnown(String trialId) throws Exception {
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

    String importBody(List<Participant> batch) {
        StringBuilder sb = new StringBuilder("{\"enrolments\":[");
        for (int i = 0; i < batch.size(); i++) {
            Participant p = batch.get(i);
            sb.append(i == 0 ? "" : ",")
                    .append("{\"cpr\":").append(q(p.cpr()))
                    .append(",\"jobcentre\":").append(q(p.jobcentre()))
                    .append(",\"arm\":").append(q(p.arm()))
                    .append(",\"enrolledOn\":").append(q(p.enrolledOn().toString()))
                    .append(",\"benefitType\":\"DAGPENGE\"")
                    .append(",\"weeksUnemployed\":").append(p.weeksUnemployed())
                    .append('}');
        }
        return sb.append("]}").toString();
    }

    /** Live enrolments, each by its own jobcentre's token; the service allocates the arm. */
    List<Participant> enrolLive(String trialId, int n) throws Exception {
        List<Participant> enrolled = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < n; i++) {
            String jobcentre = pick(JOBCENTRES);
            String cpr = newCpr(18, 29);
            int weeks = rnd.nextInt(41);
            String body = "{\"cpr\":" + q(cpr) + ",\"jobcentre\":" + q(jobcentre)
                    + ",\"benefitType\":\"DAGPENGE\",\"weeksUnemployed\":" + weeks + "}";
            Response r = call("POST", enrolment + "/api/v1/trials/" + trialId + "/enrolments",
                    token("jobcentre", jobcentre), body);
            if (r.status != 201 && r.status != 200) {
                if (refused++ < 3) {
                    System.out.println("  live enrolment refused: " + r.status + " " + r.body);
                }
                continue;
            }
            Map<String, Object> json = r.json();
            LocalDate on = json.get("enrolledAt") == null ? today
                    : Instant.parse(json.get("enrolledAt").toString()).atZone(COPENHAGEN).toLocalDate();
            enrolled.add(new Participant(cpr, jobcentre, String.valueOf(json.get("arm")), on, weeks));
        }
        System.out.printf("enrolled %d citizens live%s%n", enrolled.size(), refused > 0 ? " (" + refused + " refused)" : "");
        return enrolled;
    }

    /**
     * Simulated register outcomes. Times to job exit and to censoring are exponential; whatever
     * comes first is reported if it has happened by today. Live enrolments (today) get none yet.
     */
    void postOutcomes(String trialId, List<Participant> people) throws Exception {
        String adminToken = token("admin", null);
        String sourcePrefix = "demo-" + trialId.substring(0, Math.min(8, trialId.length())) + "-";
        List<String> bodies = new ArrayList<>();
        int jobExits = 0;
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
            jobExits += "JOB_EXIT".equals(type) ? 1 : 0;
            bodies.add("{\"cpr\":" + q(p.cpr()) + ",\"type\":" + q(type) + ",\"occurredOn\":" + q(on.toString())
                    + ",\"source\":\"DEMO\",\"sourceId\":" + q(sourcePrefix + bodies.size()) + "}");
        }

        // A few requests in flight at once: ~1,000 sequential round trips would be needlessly slow.
        AtomicInteger accepted = new AtomicInteger(), failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            String url = outcome + "/api/v1/trials/" + trialId + "/outcomes";
            for (String body : bodies) {
                futures.add(pool.submit(() -> {
                    Response r = call("POST", url, adminToken, body);
                    if (r.status / 100 == 2) {
                        accepted.incrementAndGet();
                    } else if (failed.incrementAndGet() <= 3) {
                        System.out.println("  outcome refused: " + r.status + " " + r.body);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof DemoFailure d ? d : new DemoFailure("posting outcomes: " + e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();                 // never leave worker threads keeping the JVM alive
        }
        System.out.printf("posted %d outcomes (%d job exits, %d censoring events): %d accepted, %d refused%n",
                bodies.size(), jobExits, bodies.size() - jobExits, accepted.get(), failed.get());
    }

    void printEstimates(String trialId, int expectedParticipants) throws Exception {
        String url = outcome + "/api/v1/trials/" + trialId + "/estimates";
        String analyst = token("analyst", null);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Response r;
        Map<String, Object> est = null;
        // Estimates follow the enrolment events within seconds; wait until all participants count.
        do {
            r = call("GET", url, analyst, null);
            if (r.status == 200) {
                est = r.json();
                if (sum(list(est.get("arms")), "participants") >= expectedParticipants) {
                    break;
                }
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        if (est == null) {
            System.out.println("no estimates: " + r.status + " " + r.body);
            return;
        }
        System.out.println();
        System.out.println("estimates as of " + est.get("asOf") + " (horizon " + whole(est.get("horizonDays")) + " days):");
        for (Object o : list(est.get("arms"))) {
            Map<?, ?> arm = (Map<?, ?>) o;
            System.out.printf("  %-10s %5s participants, %4s events, cumulative incidence %s%n",
                    arm.get("arm"), whole(arm.get("participants")), whole(arm.get("events")),
                    estimate(arm.get("cumulativeIncidence")));
        }
        for (Object o : list(est.get("comparisons"))) {
            Map<?, ?> c = (Map<?, ?>) o;
            Map<?, ?> logRank = c.get("logRank") instanceof Map<?, ?> m ? m : Map.of();
            System.out.printf("  %s vs %s: hazard ratio %s, risk difference %s, log-rank p = %s%n",
                    c.get("arm"), c.get("versus"), estimate(c.get("hazardRatio")), estimate(c.get("riskDifference")),
                    fmt(logRank.get("pValue")));
        }
        if (est.get("monitoring") instanceof Map<?, ?> m) {
            System.out.printf("  monitoring: information fraction %s, boundary Z %s, observed Z %s -> %s%n",
                    fmt(m.get("informationFraction")), fmt(m.get("boundaryZ")), fmt(m.get("observedZ")), m.get("decision"));
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
    // HTTP and JSON (JDK only)
    // ---------------------------------------------------------------------------------------

    record Response(int status, String body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                Object v = new Json(body).value();
                return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
            } catch (RuntimeException notJson) {
                return Map.of();
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

    Response call(String method, String url, String bearer, String jsonBody) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json");
        if (jsonBody != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest request = b.build();
        // Every call the demo makes is safe to repeat (enrolment is idempotent per citizen, an
        // outcome per source + sourceId), so a dropped keep-alive connection just means: again.
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

    static Response expect(Response r, String what, int... ok) {
        for (int s : ok) {
            if (r.status == s) {
                return r;
            }
        }
        throw new DemoFailure("could not " + what + ": HTTP " + r.status + " " + r.body);
    }

    static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    static double sum(List<?> maps, String field) {
        double total = 0;
        for (Object o : maps) {
            if (o instanceof Map<?, ?> m && m.get(field) instanceof Number n) {
                total += n.doubleValue();
            }
        }
        return total;
    }

    /** "0.351 (95% CI 0.321 to 0.382)" from {"estimate":..., "ci95":[lo, hi]}. */
    static String estimate(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            return "n/a";
        }
        List<?> ci = list(m.get("ci95"));
        return fmt(m.get("estimate")) + (ci.size() == 2 ? " (95% CI " + fmt(ci.get(0)) + " to " + fmt(ci.get(1)) + ")" : "");
    }

    static String whole(Object o) {
        return o instanceof Number n ? String.valueOf(Math.round(n.doubleValue())) : String.valueOf(o);
    }

    static String fmt(Object o) {
        return o instanceof Number n ? String.format("%.3f", n.doubleValue()) : String.valueOf(o);
    }

    static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    /** A small JSON reader: objects become LinkedHashMaps, arrays Lists, numbers Doubles. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s == null ? "" : s;
        }

        Object value() {
            ws();
            if (i >= s.length()) {
                return null;
            }
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    i++;
                    ws();
                    if (peek('}')) {
                        return m;
                    }
                    do {
                        ws();
                        String k = string();
                        ws();
                        i++;                                  // ':'
                        m.put(k, value());
                        ws();
                    } while (s.charAt(i++) == ',');
                    return m;
                }
                case '[' -> {
                    List<Object> l = new ArrayList<>();
                    i++;
                    ws();
                    if (peek(']')) {
                        return l;
                    }
                    do {
                        l.add(value());
                        ws();
                    } while (s.charAt(i++) == ',');
                    return l;
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    int start = i;
                    while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) {
                        i++;
                    }
                    String t = s.substring(start, i);
                    return switch (t) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> Double.valueOf(t);
                    };
                }
            }
        }

        private boolean peek(char c) {
            if (s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private String string() {
            StringBuilder sb = new StringBuilder();
            i++;                                              // opening quote
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            i++;                                              // closing quote
            return sb.toString();
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
