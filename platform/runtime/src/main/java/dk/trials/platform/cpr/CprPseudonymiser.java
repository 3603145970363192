package dk.trials.platform.cpr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keyed pseudonyms services keep instead of a CPR number, in two steps so that one reader of the topics cannot
 * link a citizen across trials and a key rotation needs no CPR number:
 * <pre>
 *   citizen     = hex(HMAC-SHA256(base key, the ten CPR digits))
 *   participant = keyId + ":" + hex(HMAC-SHA256(trial key keyId, trialId + citizen))
 * </pre>
 * with the trial id in its canonical 36-character lowercase form, the citizen pseudonym as 64 lowercase hex digits,
 * both as US-ASCII (100 bytes), and the key id of the trial key used. A participant's pseudonym is re-keyed from the
 * stored citizen pseudonym alone ({@link #pseudonym(String, UUID, String)}). Keys: {@link CprKeys}.
 */
@ApplicationScoped
public class CprPseudonymiser {

    /** A stored per-trial pseudonym: key id, colon, 64 lowercase hex digits. */
    public static final Pattern PARTICIPANT = Pattern.compile("([a-z0-9]{1,16}):([0-9a-f]{64})");
    /** The bare citizen pseudonym, which is also what services stored and published before per-trial pseudonyms. */
    public static final Pattern CITIZEN = Pattern.compile("[0-9a-f]{64}");

    private static final HexFormat HEX = HexFormat.of();
    private static final String BASE = "base";

    private final CprKeys keys;
    /** One initialised Mac per key and thread: bulk files pseudonymise every line, twice. */
    private final Map<String, ThreadLocal<Mac>> macs = new ConcurrentHashMap<>();

    @Inject
    public CprPseudonymiser(Config config) {
        this(CprKeys.fromConfig(config));
    }

    public CprPseudonymiser(CprKeys keys) {
        this.keys = keys;
    }

    /** The citizen's base pseudonym, the same in every trial. */
    public String citizen(CprNumber cpr) {
        return hmac(BASE, keys.base(), cpr.digits());
    }

    /** The citizen's pseudonyms in {@code trialId}, the per-trial one under the current key. */
    public TrialPseudonym inTrial(UUID trialId, CprNumber cpr) {
        String citizen = citizen(cpr);
        return new TrialPseudonym(citizen, pseudonym(trialId, citizen));
    }

    /** The per-trial pseudonym of a CPR number under the current key. */
    public String pseudonym(UUID trialId, CprNumber cpr) {
        return pseudonym(trialId, citizen(cpr));
    }

    /** The per-trial pseudonym of a citizen pseudonym under the current key. */
    public String pseudonym(UUID trialId, String citizen) {
        return pseudonym(keys.current(), trialId, citizen);
    }

    /** The per-trial pseudonym of a citizen pseudonym under the trial key {@code keyId} of the ring. */
    public String pseudonym(String keyId, UUID trialId, String citizen) {
        byte[] key = keys.trialKey(keyId);
        if (key == null) {
            throw new IllegalArgumentException("No CPR key " + keyId + " in the key ring");
        }
        if (!CITIZEN.matcher(citizen).matches()) {
            throw new IllegalArgumentException("A citizen pseudonym is 64 lowercase hex digits");
        }
        return keyId + ":" + hmac(keyId, key, trialId.toString() + citizen);
    }

    /**
     * A pseudonym as received: one from a producer older than per-trial pseudonyms (the bare citizen pseudonym, which
     * enrolment-service published until then and retained topics still hold) becomes the per-trial one under the
     * current key, as migration turned the stored ones; anything else is returned unchanged.
     */
    public String perTrial(UUID trialId, String received) {
        return received != null && CITIZEN.matcher(received).matches() ? pseudonym(trialId, received) : received;
    }

    /**
     * The per-trial pseudonyms a CPR number may be stored under while a rotation is under way: one per key of the
     * ring, the current key's first.
     */
    public List<String> candidates(UUID trialId, CprNumber cpr) {
        String citizen = citizen(cpr);
        return keys.ids().stream().map(id -> pseudonym(id, trialId, citizen)).toList();
    }

    /** Whether the ring holds more than the current key, i.e. stored pseudonyms may be under another one. */
    public boolean rotating() {
        return keys.ids().size() > 1;
    }

    public String currentKeyId() {
        return keys.current();
    }

    /** The key id a per-trial pseudonym was made with; empty for anything else (e.g. a bare citizen pseudonym). */
    public static Optional<String> keyIdOf(String pseudonym) {
        if (pseudonym == null) {
            return Optional.empty();
        }
        Matcher m = PARTICIPANT.matcher(pseudonym);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private String hmac(String name, byte[] key, String message) {
        Mac mac = macs.computeIfAbsent(name, n -> ThreadLocal.withInitial(() -> newMac(key))).get();
        return HEX.formatHex(mac.doFinal(message.getBytes(StandardCharsets.US_ASCII)));
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
