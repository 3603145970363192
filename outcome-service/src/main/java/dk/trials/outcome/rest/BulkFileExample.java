package dk.trials.outcome.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * The example of a bulk file as the text it is. The annotation scanner reads an example that starts and ends with a
 * brace as JSON, which keeps only the first line of an NDJSON file, as an object where the schema says string.
 */
@OpenApiFilter(stages = {OpenApiFilter.RunStage.BUILD, OpenApiFilter.RunStage.RUNTIME_STARTUP})
public class BulkFileExample implements OASFilter {

    static final String PATH = "/api/v1/trials/{trialId}/outcomes/bulk";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PathItem bulk = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(PATH);
        if (bulk == null || bulk.getPOST() == null || bulk.getPOST().getRequestBody() == null) {
            return;
        }
        MediaType file = bulk.getPOST().getRequestBody().getContent().getMediaType(OutcomeResource.NDJSON);
        if (file != null && file.getExamples() != null) {
            file.getExamples().values().forEach(example -> example.setValue(OutcomeExamples.BULK));
        }
    }
}
