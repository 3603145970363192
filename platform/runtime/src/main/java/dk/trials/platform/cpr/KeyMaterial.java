package dk.trials.platform.cpr;

import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * One secret key: base64 of at least 32 random bytes. Production mounts it as a file (a Kubernetes secret volume,
 * e.g. {@code /etc/trials/keys/cpr/v1.key}); only the dev and test profiles give it as a property, so a key never has
 * to travel in an environment variable or a config map.
 */
public final class KeyMaterial {

    /** Shorter keys are refused: an HMAC key is only as strong as its length. */
    public static final int MIN_BYTES = 32;

    private KeyMaterial() {
    }

    /**
     * The key from {@code property} where it is set (dev and test), else from {@code file}; the problem names both and
     * never the key.
     */
    public static byte[] read(Config config, String property, Path file) {
        Optional<String> given = config.getOptionalValue(property, String.class);
        if (given.isPresent()) {
            return decode(given.get(), property);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No key " + property + ": neither the property is set nor the file " + file
                    + " exists");
        }
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("The key file " + file + " cannot be read", e);
        }
    }

    /** The bytes of a base64 key; {@code source} names where it came from in the problem. */
    public static byte[] decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The key " + source + " is not base64");
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("The key " + source + " must be at least " + MIN_BYTES
                    + " random bytes, base64-encoded");
        }
        return bytes;
    }
}
