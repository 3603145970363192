package dk.trials.platform.cpr;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The keyed pseudonym (HMAC-SHA256) that services keep instead of a CPR number. enrolment-service and
 * outcome-service share the key, so both name the same citizen alike; without the key the pseudonym cannot be
 * reversed by trying all birth dates and serial numbers.
 */
@ApplicationScoped
public class CprPseudonymiser {

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public CprPseudonymiser(@ConfigProperty(name = "trials.cpr.pseudonym-key") String base64Key) {
        byte[] bytes = Base64.getDecoder().decode(base64Key.trim());
        if (bytes.length < 32) {
            throw new IllegalStateException("trials.cpr.pseudonym-key must be at least 32 random bytes, base64-encoded");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public String pseudonym(CprNumber cpr) {
        Mac mac = macs.get();
        return HexFormat.of().formatHex(mac.doFinal(cpr.digits().getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * A keyed digest of bytes that may hold CPR numbers (e.g. a request kept to recognise its retry): equal input gives
     * an equal digest, and without the key it cannot be tested against guessed CPR numbers as a plain hash could.
     */
    public String digest(byte[] data) {
        return HexFormat.of().formatHex(macs.get().doFinal(data));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
