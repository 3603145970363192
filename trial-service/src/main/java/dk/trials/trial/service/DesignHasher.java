package dk.trials.trial.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.trials.trial.Design;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a design's canonical form: JSON with keys sorted, dates as ISO strings, no whitespace. The same design
 * always hashes alike, whatever order a client sent its fields in, so auditors can recompute it. The canonical form is
 * that of the published event's design too: the hash in an event is the hash of the design it carries.
 */
@ApplicationScoped
public class DesignHasher {

    private final ObjectMapper canonical = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    public String hash(Design design) {
        try {
            byte[] json = canonicalJson(design).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** The canonical JSON itself, so that the hash can be recomputed outside this system. */
    public String canonicalJson(Design design) {
        try {
            return canonical.writeValueAsString(design);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Design cannot be serialised", e);
        }
    }
}
