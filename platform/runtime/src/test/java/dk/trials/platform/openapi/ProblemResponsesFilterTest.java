package dk.trials.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemResponsesFilterTest {

    private static Operation operation(boolean withBody) {
        Operation operation = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
        return withBody ? operation.requestBody(OASFactory.createRequestBody()) : operation;
    }

    private static Set<String> codes(Operation operation) {
        return new TreeSet<>(operation.getResponses().getAPIResponses().keySet());
    }

    @Test
    void every_operation_documents_the_rate_limit_and_one_with_a_body_its_size_limit() {
        Operation post = operation(true);
        Operation get = operation(false);
        OpenAPI openApi = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/things", OASFactory.createPathItem().POST(post).GET(get)));

        new ProblemResponsesFilter().filterOpenAPI(openApi);

        assertEquals(Set.of("200", "400", "401", "403", "413", "422", "429"), codes(post));
        assertEquals(Set.of("200", "401", "403", "429"), codes(get));
        assertEquals("#/components/schemas/Problem", post.getResponses().getAPIResponse("413").getContent()
                .getMediaType("application/problem+json").getSchema().getRef());
    }
}
