package dk.trials.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A seeded fuzz run over a service's OpenAPI document: each request a hostile variation of one operation's
 * documented example (see {@link OpenApiMutations}), sent with a token that may call the operation, and each answer
 * held to the contract's rules for bad input: never a 5xx; every 4xx is problem+json; a refused request changes no
 * row of any table (outbox included); and no answer carries a CPR number the request held.
 * <p>
 * The run is reproducible from its seed: request {@code i} uses {@code new Random(seed + i)}. A finding names the
 * operation, the mutation, the request's number and the seed.
 */
public final class OpenApiFuzzer {

    private static final int ONE_MIB = 1024 * 1024;

    private final List<ApiOperation> operations;
    private final long seed;
    private final RowCounts rows;
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final TreeMap<Long, String> slowest = new TreeMap<>();
    private final List<String> accepted = new ArrayList<>();
    private final Map<String, Long> milliseconds = new TreeMap<>();
    private int sent;
    private int cutOff;

    public OpenApiFuzzer(JsonNode openApi, long seed, RowCounts rows) {
        this.operations = ApiOperation.all(openApi);
        this.seed = seed;
        this.rows = rows;
    }

    /**
     * Sends {@code requests} mutated requests, spread over the operations (those with a body get three turns to
     * the others' one), each mutating the example {@code examples} gives for its operation, and returns the findings,
     * one line each; empty when every answer kept the rules.
     *
     * @param examples a valid request for each operation, naming resources that exist (made once per operation)
     * @param tokens   a token allowed to call each operation
     */
    public List<String> run(Function<ApiOperation, ApiRequest> examples, Function<ApiOperation, String> tokens, int requests) {
        Map<ApiOperation, ApiRequest> bases = new LinkedHashMap<>();
        List<ApiOperation> turns = new ArrayList<>();
        for (ApiOperation operation : operations) {
            bases.put(operation, examples.apply(operation));
            int weight = operation.node().has("requestBody") ? 3 : 1;
            for (int i = 0; i < weight; i++) {
                turns.add(operation);
            }
        }
        List<String> findings = new ArrayList<>();
        Map<String, Long> previous = rows.settled(Duration.ofSeconds(10));
        for (int i = 0; i < requests; i++) {
            Random random = new Random(seed + i);
            ApiOperation operation = turns.get(random.nextInt(turns.size()));
            OpenApiMutations.Mutation mutation = new OpenApiMutations(random).of(operation, bases.get(operation));
            Map<String, Long> before = previous;
            String where = operation.name() + " with " + mutation.description() + " (request " + i + ", seed " + seed + ")";
            ApiRequest.Answer answer;
            long sentAt = System.nanoTime();
            try {
                answer = mutation.request().send(tokens.apply(operation));
            } catch (UncheckedIOException e) {
                // A server may answer 413 to a body over its limit and close the connection before the client has
                // sent it all (RFC 9110, 15.5.14); the client then sees only the closed socket. Only that is no finding.
                if (mutation.request().body() == null || mutation.request().body().length <= ONE_MIB) {
                    findings.add(where + ": no answer: " + e.getCause());
                }
                cutOff++;
                previous = rows.settled(Duration.ofSeconds(10));
                continue;
            }
            sent++;
            int status = answer.status();
            long millis = (System.nanoTime() - sentAt) / 1_000_000;
            milliseconds.merge(operation.name(), millis, Long::sum);
            slowest.put(millis * 10_000 + i % 10_000, where + " → " + status);
            if (slowest.size() > 5) {
                slowest.pollFirstEntry();
            }
            statuses.merge(operation.name() + " " + status, 1, Integer::sum);
            String body = answer.body();
            // An accepted request may leave work behind (a relay sending its outbox row): wait for it to settle.
            Map<String, Long> after = status < 400 ? rows.settled(Duration.ofSeconds(10)) : rows.now();
            if (status >= 500) {
                findings.add(where + ": " + status + " " + abbreviated(body));
            } else if (status >= 400) {
                if (!answer.contentType().startsWith("application/problem+json")) {
                    findings.add(where + ": " + status + " as '" + answer.contentType() + "', not problem+json: " + abbreviated(body));
                }
                List<String> changed = RowCounts.differences(before, after);
                if (!changed.isEmpty()) {
                    findings.add(where + ": refused with " + status + " yet changed rows " + changed);
                }
            }
            for (String cpr : CprScan.numbersIn(mutation.request().uri() + " " + mutation.request().bodyText())) {
                if (CprScan.numbersIn(body).contains(cpr)) {
                    findings.add(where + ": the " + status + " answer carries the CPR number " + cpr + " it was sent");
                }
            }
            if (status < 300 && accepted.size() < 100) {
                accepted.add(where + " → " + status);
            }
            previous = after;
        }
        return findings;
    }

    /** The requests answered, and those over 1 MiB whose connection the server closed before they were sent. */
    public int sent() {
        return sent + cutOff;
    }

    /** How often each operation answered each status, as {@code POST /api/v1/trials 422 → 131}. */
    public Map<String, Integer> statuses() {
        return Map.copyOf(statuses);
    }

    /**
     * The first 100 mutations the service accepted (2xx): no rule breach by itself, since a mutation may leave a
     * request valid, but where it should not have been (a huge string, a control character) the list shows it.
     */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    /** How long the service took to answer each operation's requests, in milliseconds all told. */
    public Map<String, Long> milliseconds() {
        return Map.copyOf(milliseconds);
    }

    /** The five slowest requests of the run, slowest first, each with its time in milliseconds. */
    public List<String> slowest() {
        List<String> lines = new ArrayList<>();
        slowest.descendingMap().forEach((key, where) -> lines.add(key / 10_000 + " ms: " + where));
        return lines;
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
