package dk.trials.platform.openapi;

import dk.trials.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * Documents the error side of every operation once, instead of on each endpoint: every 4xx response carries the
 * Problem schema as application/problem+json, and every secured operation lists 401 and 403.
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
                if (operation.getRequestBody() != null) {
                    addIfMissing(responses, "400", "Malformed JSON, wrong types or invalid fields");
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

    private static void addIfMissing(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            APIResponse response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(code, response);
        }
    }
}
