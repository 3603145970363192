package dk.trials.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every operation of a service's OpenAPI document called by every kind of caller — no token, an allowed role's token
 * for another audience or issued longer ago than tokens may be, each role, and a jobcentre acting for its own and for
 * another jobcentre — each answer checked against what the document says: no valid token is 401; a role the
 * operation's security requirement does not name is 403; a role it names is neither 401 nor 403, except a jobcentre
 * acting for another jobcentre where the operation documents that 403.
 * <p>
 * The document states the roles as the scopes of the bearer scheme; an operation that names none is a shortfall
 * too, since a client could not tell who may call it.
 */
public final class OpenApiRoleMatrix {

    /** The roles the contract names; a role is one value of the token's {@code groups} claim. */
    public static final List<String> ROLES = List.of("trial-designer", "jobcentre", "analyst", "admin");

    private final List<ApiOperation> operations;
    private final String ownJobcentre;
    private final String otherJobcentre;
    private final List<String> answers = new ArrayList<>();

    /**
     * @param ownJobcentre   the jobcentre the requests act for (and whose participants they name)
     * @param otherJobcentre a jobcentre of the same trial that does not own them
     */
    public OpenApiRoleMatrix(JsonNode openApi, String ownJobcentre, String otherJobcentre) {
        this.operations = ApiOperation.all(openApi);
        this.ownJobcentre = ownJobcentre;
        this.otherJobcentre = otherJobcentre;
    }

    public List<ApiOperation> operations() {
        return operations;
    }

    /**
     * Sends each operation's request (made once per operation by {@code requests}, for the own jobcentre) as each
     * caller, the allowed ones last so that what they change cannot colour a refusal, and returns one line per answer
     * that is not the documented one; empty when every answer is.
     */
    public List<String> mismatches(Function<ApiOperation, ApiRequest> requests) {
        List<String> mismatches = new ArrayList<>();
        for (ApiOperation operation : operations) {
            Set<String> allowed = operation.roles();
            if (allowed.isEmpty()) {
                mismatches.add(operation.name() + ": the document names no role that may call it");
                continue;
            }
            ApiRequest request = requests.apply(operation);
            for (Map.Entry<String, Expected> caller : callers(operation, allowed).entrySet()) {
                ApiRequest.Answer answer = request.send(token(caller.getKey()));
                int status = answer.status();
                answers.add(operation.name() + " as " + caller.getKey() + " → " + status);
                if (!caller.getValue().accepts(status)) {
                    mismatches.add(operation.name() + " as " + caller.getKey() + ": expected " + caller.getValue().text
                            + ", got " + status + " " + abbreviated(answer.body()));
                }
            }
        }
        return mismatches;
    }

    /** Every answer of the last run, one line each (operation, caller, status), for the test's report. */
    public List<String> answers() {
        return List.copyOf(answers);
    }

    private Map<String, Expected> callers(ApiOperation operation, Set<String> allowed) {
        Map<String, Expected> callers = new LinkedHashMap<>();
        callers.put("no token", Expected.status(401));
        String allowedRole = allowed.contains("admin") ? "admin" : allowed.iterator().next();
        callers.put(allowedRole + " for another audience", Expected.status(401));
        callers.put(allowedRole + " issued 9 hours ago", Expected.status(401));
        for (String role : ROLES) {
            if (!allowed.contains(role)) {
                callers.put(caller(role), Expected.status(403));
            }
        }
        if (allowed.contains("jobcentre")) {
            callers.put("jobcentre " + otherJobcentre + " (other)",
                    documentsOtherJobcentreRefusal(operation) ? Expected.status(403) : Expected.NOT_REFUSED);
        }
        for (String role : ROLES) {
            if (allowed.contains(role)) {
                callers.put(caller(role), Expected.NOT_REFUSED);
            }
        }
        return callers;
    }

    private String caller(String role) {
        return role.equals("jobcentre") ? "jobcentre " + ownJobcentre + " (own)" : role;
    }

    /** Whether the operation's documented 403 is about acting for, or naming the participant of, another jobcentre. */
    private static boolean documentsOtherJobcentreRefusal(ApiOperation operation) {
        return operation.responseDescription("403").toLowerCase(Locale.ROOT).contains("another jobcentre");
    }

    private String token(String caller) {
        if (caller.equals("no token")) {
            return null;
        }
        if (caller.endsWith(" for another audience")) {
            return TestTokens.forAudience(caller.substring(0, caller.indexOf(' ')), "another-api");
        }
        if (caller.endsWith(" issued 9 hours ago")) {
            return TestTokens.issuedAt(caller.substring(0, caller.indexOf(' ')), Instant.now().minus(Duration.ofHours(9)));
        }
        if (caller.startsWith("jobcentre ")) {
            return TestTokens.jobcentre(caller.contains("(own)") ? ownJobcentre : otherJobcentre);
        }
        return TestTokens.token(caller, null);
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    private record Expected(String text, int status) {
        static final Expected NOT_REFUSED = new Expected("neither 401 nor 403", -1);

        static Expected status(int status) {
            return new Expected(Integer.toString(status), status);
        }

        boolean accepts(int actual) {
            return status == -1 ? actual != 401 && actual != 403 : actual == status;
        }
    }
}
