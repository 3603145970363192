package dk.trials.outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical serialisation of a look's {@link LookInputs} and {@link LookResult}, and the SHA-256 over them.
 * <p>
 * Canonical JSON here: UTF-8; no whitespace; the members of every object in ascending order of their names (by
 * UTF-16 code units); nulls written, not left out; arrays in their order; integers in decimal; other numbers as
 * Java's {@code Double.toString} writes them (the shortest text that reads back as the same double); dates as
 * {@code yyyy-MM-dd}; instants as ISO-8601 in UTC with the milliseconds the look was taken at
 * ({@code 2027-03-01T05:00:00.123Z}, a whole second without fraction). The stored columns hold exactly these texts.
 * <p>
 * The hash is SHA-256, in lower-case hex, of the canonical JSON of the object {@code {"inputs": …, "result": …}},
 * i.e. of the bytes {@code {"inputs":} + inputs + {@code ,"result":} + result + <code>}</code>. Sign-offs are not
 * hashed: they name the hash they signed.
 */
public final class LookDocuments {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private LookDocuments() {
    }

    /** The canonical JSON of a document. */
    public static String canonical(Object document) {
        try {
            return JSON.writeValueAsString(sorted(JSON.valueToTree(document)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A look document cannot be written", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored look document cannot be read", e);
        }
    }

    /** SHA-256 (hex) over a look's canonical inputs and result, as stored. */
    public static String sha256(String canonicalInputs, String canonicalResult) {
        String hashed = "{\"inputs\":" + canonicalInputs + ",\"result\":" + canonicalResult + "}";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(hashed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode out = JSON.createObjectNode();
            names.forEach(name -> out.set(name, sorted(object.get(name))));
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JSON.createArrayNode();
            array.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }
}
