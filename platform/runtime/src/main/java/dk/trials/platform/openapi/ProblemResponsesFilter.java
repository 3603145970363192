package dk.trials.platform.openapi;

import dk.trials.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Documents the error side of every operation once, instead of on each endpoint: every 4xx response carries the
 * Problem schema as application/problem+json; every secured operation lists 401, 403 and 429 (the per-token rate
 * limit); one with a body lists 400 (cannot be read), 413 (too large) and 422 (breaks a rule), and one with a UUID in
 * its path or query lists 400.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    operation.setResponses(responses);
                }
                addIfMissing(responses, "401", "No valid bearer token");
                addIfMissing(responses, "403", "The token lacks the role or jobcentre for this");
                addIfMissing(responses, "429", "This token sent more requests than the service takes; the "
                        + "Retry-After header says after how many seconds to try again");
                if (operation.getRequestBody() != null) {
                    addIfMissing(responses, "400", "The request cannot be read: malformed JSON, a wrong type, an "
                            + "unparsable value or a required field missing");
                    addIfMissing(responses, "413", "The body is larger than this operation takes (JSON: 1 MiB unless "
                            + "the operation says otherwise)");
                    addIfMissing(responses, "422", "The request is readable but breaks a rule; each one in errors");
                } else if (hasUuidParameter(path.getValue(), operation)) {
                    addIfMissing(responses, "400", "An identifier in the path or query is not a UUID");
                }
                responses.getAPIResponses().forEach((code, response) -> {
                    if (code.startsWith("4")) {
                        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
                    }
                });
            }
        }
    }

    private static boolean hasUuidParameter(PathItem path, Operation operation) {
        return Stream.concat(Stream.ofNullable(path.getParameters()).flatMap(List::stream),
                        Stream.ofNullable(operation.getParameters()).flatMap(List::stream))
                .anyMatch(p -> p.getSchema() != null && "uuid".equals(p.getSchema().getFormat()));
    }

    private static void addIfMissing(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            APIResponse response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(code, response);
        }
    }
}
