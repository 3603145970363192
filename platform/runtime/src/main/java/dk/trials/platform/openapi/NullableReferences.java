package dk.trials.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * Keeps a nullable reference nullable in the OpenAPI document. SmallRye writes a nullable property that refers to
 * another schema as {@code anyOf: [$ref, {type: null}]} beside a {@code type} copied from the referenced schema; when
 * that schema is completed only after the property (the first property to use it), the copy loses its {@code null},
 * and the property then refuses the null it documents. Adding {@code null} back makes both say the same.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class NullableReferences implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(NullableReferences::allowNullWhereAnyOfDoes);
        }
    }

    private static void allowNullWhereAnyOfDoes(Schema schema) {
        if (schema == null) {
            return;
        }
        List<Schema.SchemaType> type = schema.getType();
        if (type != null && !type.contains(Schema.SchemaType.NULL) && anyOfAllowsNull(schema.getAnyOf())) {
            schema.addType(Schema.SchemaType.NULL);
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            properties.values().forEach(NullableReferences::allowNullWhereAnyOfDoes);
        }
        allowNullWhereAnyOfDoes(schema.getItems());
    }

    private static boolean anyOfAllowsNull(List<Schema> anyOf) {
        return anyOf != null && anyOf.stream()
                .anyMatch(s -> s.getType() != null && s.getType().equals(List.of(Schema.SchemaType.NULL)));
    }
}
