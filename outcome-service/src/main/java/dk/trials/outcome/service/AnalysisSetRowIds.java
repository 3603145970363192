package dk.trials.outcome.service;

import dk.trials.platform.cpr.KeyMaterial;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The row ids of analysis sets: HMAC-SHA256 of the enrolment id under a key of the trial's own, derived as
 * HMAC-SHA256 of {@code "analysis-set:" + trialId} under the service's analysis-set key. A row id is the same in
 * every download of a trial's set (an analyst can join two cuts) and unrelated across trials, and neither the
 * enrolment id nor the Kafka pseudonym can be told from it without the key, which is the service's own and no
 * pseudonym key: {@code trials.analysis-set.key} in dev and test, else the file {@code trials.analysis-set.key-file}
 * (default {@value #DEFAULT_FILE}).
 */
@ApplicationScoped
public class AnalysisSetRowIds {

    public static final String DEFAULT_FILE = "/etc/trials/keys/analysis-set.key";

    private final byte[] key;

    @Inject
    public AnalysisSetRowIds(Config config) {
        this(KeyMaterial.read(config, "trials.analysis-set.key", Path.of(config
                .getOptionalValue("trials.analysis-set.key-file", String.class).orElse(DEFAULT_FILE))));
    }

    public AnalysisSetRowIds(byte[] key) {
        this.key = key.clone();
    }

    /** The row ids of one trial's set. */
    public Trial of(UUID trialId) {
        return new Trial(mac(mac(key).doFinal(("analysis-set:" + trialId).getBytes(StandardCharsets.US_ASCII))));
    }

    /** Row ids under one trial's key: 64 lowercase hex digits each. */
    public static final class Trial {

        private final Mac mac;

        private Trial(Mac mac) {
            this.mac = mac;
        }

        public String rowId(UUID enrolmentId) {
            return HexFormat.of().formatHex(mac.doFinal(enrolmentId.toString().getBytes(StandardCharsets.US_ASCII)));
        }
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
