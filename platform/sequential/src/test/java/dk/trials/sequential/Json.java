package dk.trials.sequential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reading the figures {@code src/test/r} printed with rpact, from {@code src/test/resources/reference}, and R's JSON
 * arrays: numbers, or a single number that jsonlite wrote without brackets; null is NaN.
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** A reference file, by name, from {@code /reference/} on the test class path. */
    static JsonNode reference(String name) {
        try (InputStream in = Json.class.getResourceAsStream("/reference/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no reference file " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(JsonNode node) {
        if (!node.isArray()) {
            return new double[]{node.isNull() ? Double.NaN : node.asDouble()};
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = node.get(i).isNull() ? Double.NaN : node.get(i).asDouble();
        }
        return values;
    }
}
