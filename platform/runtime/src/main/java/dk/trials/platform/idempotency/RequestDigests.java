package dk.trials.platform.idempotency;

import dk.trials.platform.cpr.KeyMaterial;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * A keyed digest (HMAC-SHA256) of a request kept to recognise its retry. The request may hold CPR numbers: without
 * the key the digest cannot be tested against guessed ones as a plain hash could. The key is its own, not one the
 * pseudonyms rest on: {@code trials.request-digest.key} in dev and test, else the file
 * {@code trials.request-digest.key-file} (default {@value #DEFAULT_FILE}).
 */
@ApplicationScoped
public class RequestDigests {

    public static final String DEFAULT_FILE = "/etc/trials/keys/request-digest.key";

    private final ThreadLocal<Mac> macs;

    @Inject
    public RequestDigests(Config config) {
        this(KeyMaterial.read(config, "trials.request-digest.key", Path.of(config
                .getOptionalValue("trials.request-digest.key-file", String.class).orElse(DEFAULT_FILE))));
    }

    public RequestDigests(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is unavailable", e);
            }
        });
    }

    /** Equal input gives an equal digest, 64 lowercase hex digits. */
    public String digest(byte[] data) {
        return HexFormat.of().formatHex(macs.get().doFinal(data));
    }
}
