package dk.trials.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * One operation of an OpenAPI document as the security tests read it: its method and path, the roles its security
 * requirement names (the scopes of the bearer scheme), its parameters and the first example of its request body.
 */
public record ApiOperation(String method, String path, JsonNode node) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The OpenAPI document the application under test serves (REST Assured's base URI and port). */
    public static JsonNode servedDocument() {
        try {
            return JSON.readTree(given().accept("application/json").get("/q/openapi?format=json")
                    .then().statusCode(200).extract().asString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the served OpenAPI document is not JSON", e);
        }
    }

    /** Every operation under /api/ of the document, in document order. */
    public static List<ApiOperation> all(JsonNode openApi) {
        List<ApiOperation> operations = new ArrayList<>();
        OpenApiConformance.operations(openApi).forEach((name, node) -> {
            int space = name.indexOf(' ');
            operations.add(new ApiOperation(name.substring(0, space), name.substring(space + 1), node));
        });
        return operations;
    }

    /** As {@link OpenApiConformance#operations} names it, e.g. {@code POST /api/v1/trials}. */
    public String name() {
        return method + " " + path;
    }

    /** The roles the document says may call the operation: the scopes of its security requirements. */
    public Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode requirement : node.path("security")) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(scope -> roles.add(scope.asText())));
        }
        return roles;
    }

    /**
     * A token of a caller the operation allows: an admin where it allows one (an admin may act for any jobcentre),
     * else its first documented role, a jobcentre token acting for {@code jobcentre}.
     */
    public String allowedToken(String jobcentre) {
        if (roles().contains("admin")) {
            return TestTokens.admin();
        }
        String role = roles().iterator().next();
        return TestTokens.token(role, role.equals("jobcentre") ? jobcentre : null);
    }

    /** The documented description of a response, or empty when the code is not documented. */
    public String responseDescription(String code) {
        return node.path("responses").path(code).path("description").asText("");
    }

    public List<JsonNode> parameters(String in) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode parameter : node.path("parameters")) {
            if (parameter.path("in").asText().equals(in)) {
                found.add(parameter);
            }
        }
        return found;
    }

    /** The request body's media type and its first example (a JSON value, or a string for a text body). */
    public Optional<Map.Entry<String, JsonNode>> exampleBody() {
        for (Iterator<Map.Entry<String, JsonNode>> media = node.path("requestBody").path("content").fields(); media.hasNext(); ) {
            Map.Entry<String, JsonNode> type = media.next();
            JsonNode content = type.getValue();
            if (content.has("example")) {
                return Optional.of(Map.entry(type.getKey(), content.get("example")));
            }
            Iterator<JsonNode> examples = content.path("examples").elements();
            if (examples.hasNext()) {
                return Optional.of(Map.entry(type.getKey(), examples.next().path("value")));
            }
        }
        return Optional.empty();
    }
}
