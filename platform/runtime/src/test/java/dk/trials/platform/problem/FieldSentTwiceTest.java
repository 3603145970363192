package dk.trials.platform.problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.type.TypeFactory;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Jackson calls a field sent twice into a record a fault of the type ("No fallback setter/field defined for creator
 * property"), which Quarkus' own mapper answers 500 (found by outcome-service's fuzz test on the looks' bodies).
 */
class FieldSentTwiceTest {

    private final ApiExceptionMappers mappers = new ApiExceptionMappers();

    @Test
    void while_reading_a_request_it_is_the_request_that_cannot_be_read() throws Exception {
        try (JsonParser parser = new JsonFactory().createParser("{\"reason\": \"a\", \"reason\": \"b\"}")) {
            InvalidDefinitionException e = InvalidDefinitionException.from(parser,
                    "No fallback setter/field defined for creator property 'reason'",
                    TypeFactory.defaultInstance().constructType(String.class));

            assertEquals(400, mappers.fieldSentTwice(e).getStatus());
        }
    }

    @Test
    void while_writing_a_response_it_is_ours() throws Exception {
        try (JsonGenerator generator = new JsonFactory().createGenerator(new StringWriter())) {
            InvalidDefinitionException e = InvalidDefinitionException.from(generator, "No serializer",
                    TypeFactory.defaultInstance().constructType(String.class));

            assertEquals(500, mappers.fieldSentTwice(e).getStatus());
        }
    }
}
