package dk.trials.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every operation of the public API must document: an operationId, a description, an example of what it takes
 * and returns, its 401 and 403, and the Problem schema on every 4xx. Each service's documentation test and the
 * end-to-end test use this one check; it returns each shortfall as one line.
 */
public final class OpenApiConformance {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiConformance() {
    }

    public static List<String> shortfalls(JsonNode openApi) {
        List<String> problems = new ArrayList<>();
        if (openApi.at("/components/schemas/Problem").isMissingNode()) {
            problems.add("components.schemas.Problem is missing");
        }
        operations(openApi).forEach((where, operation) -> check(where, operation, problems));
        return problems;
    }

    /** The operations under /api/, each named by method and path, e.g. {@code POST /api/v1/trials}. */
    public static Map<String, JsonNode> operations(JsonNode openApi) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                }
            }
        }
        return operations;
    }

    private static void check(String where, JsonNode operation, List<String> problems) {
        if (operation.path("operationId").asText().isBlank()) {
            problems.add(where + ": no operationId");
        }
        if (operation.path("description").asText().isBlank()) {
            problems.add(where + ": no description");
        }
        JsonNode body = operation.path("requestBody");
        if (!body.isMissingNode() && !hasExample(body.path("content"))) {
            problems.add(where + ": request body has no example");
        }
        for (String code : List.of("401", "403")) {
            if (!operation.path("responses").has(code)) {
                problems.add(where + ": " + code + " is not documented");
            }
        }
        boolean successExample = false;
        boolean successWithoutBody = false;
        for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext(); ) {
            Map.Entry<String, JsonNode> response = responses.next();
            String code = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (code.startsWith("2")) {
                successExample |= hasExample(content);
                successWithoutBody |= content.isMissingNode() || content.isEmpty();
            }
            if (code.startsWith("4")) {
                String ref = content.path("application/problem+json").path("schema").path("$ref").asText();
                if (!ref.endsWith("/Problem")) {
                    problems.add(where + ": " + code + " does not carry the Problem schema");
                }
            }
        }
        if (!successExample && !successWithoutBody) {
            problems.add(where + ": no example of a successful response");
        }
    }

    private static boolean hasExample(JsonNode content) {
        for (JsonNode mediaType : content) {
            if (mediaType.has("example") || (mediaType.has("examples") && !mediaType.path("examples").isEmpty())) {
                return true;
            }
        }
        return false;
    }
}
