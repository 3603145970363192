package dk.trials.platform.cpr;

import org.eclipse.microprofile.config.Config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys CPR pseudonyms rest on. The base key turns a CPR number into the citizen's pseudonym, the same in every
 * trial; it can never change (that would need every CPR number again). The trial keys, each with an id, turn that
 * into a participant's pseudonym within one trial; they rotate: {@code current} keys new pseudonyms, and every id still
 * named by a stored pseudonym stays in the ring until nothing uses it.
 * <p>
 * Configuration: {@code trials.cpr.current-key-id} (e.g. {@code v1}), {@code trials.cpr.key-ids} (the ring, current
 * included; defaults to the current id alone) and {@code trials.cpr.key-dir} (default {@code /etc/trials/keys/cpr}),
 * which holds {@code base.key} and one {@code <id>.key} per trial key. The dev and test profiles give the keys as
 * properties instead: {@code trials.cpr.keys.base}, {@code trials.cpr.keys.<id>}.
 */
public final class CprKeys {

    /** A key id: what prefixes a stored pseudonym, {@code v1:…}. */
    public static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,16}");
    public static final String DEFAULT_DIR = "/etc/trials/keys/cpr";

    private static final String BASE = "base";

    private final byte[] base;
    private final Map<String, byte[]> trialKeys;
    private final String current;

    /** Keys as raw bytes, each at least {@link KeyMaterial#MIN_BYTES} long; {@code current} must be in the ring. */
    public CprKeys(byte[] base, Map<String, byte[]> trialKeys, String current) {
        requireLength(base, BASE);
        trialKeys.forEach((id, key) -> requireLength(key, id));
        for (String id : trialKeys.keySet()) {
            if (!KEY_ID.matcher(id).matches() || BASE.equals(id)) {
                throw new IllegalStateException("A CPR key id is 1 to 16 lowercase letters and digits, not 'base': " + id);
            }
        }
        if (!trialKeys.containsKey(current)) {
            throw new IllegalStateException("The current CPR key " + current + " is not in the key ring "
                    + trialKeys.keySet());
        }
        this.base = base.clone();
        this.trialKeys = Map.copyOf(trialKeys);
        this.current = current;
    }

    public static CprKeys fromConfig(Config config) {
        Path dir = Path.of(config.getOptionalValue("trials.cpr.key-dir", String.class).orElse(DEFAULT_DIR));
        String current = config.getValue("trials.cpr.current-key-id", String.class);
        List<String> ids = config.getOptionalValues("trials.cpr.key-ids", String.class).orElse(List.of(current));
        Map<String, byte[]> ring = new LinkedHashMap<>();
        for (String id : ids) {
            ring.put(id.trim(), read(config, dir, id.trim()));
        }
        if (!ring.containsKey(current)) {
            ring.put(current, read(config, dir, current));
        }
        return new CprKeys(read(config, dir, BASE), ring, current);
    }

    byte[] base() {
        return base;
    }

    byte[] trialKey(String id) {
        return trialKeys.get(id);
    }

    /** The ids of the ring, the current one first. */
    List<String> ids() {
        List<String> ids = new ArrayList<>(List.of(current));
        trialKeys.keySet().stream().filter(id -> !id.equals(current)).sorted().forEach(ids::add);
        return List.copyOf(ids);
    }

    String current() {
        return current;
    }

    private static void requireLength(byte[] key, String name) {
        if (key == null || key.length < KeyMaterial.MIN_BYTES) {
            throw new IllegalStateException("The CPR key " + name + " must be at least " + KeyMaterial.MIN_BYTES
                    + " random bytes");
        }
    }

    private static byte[] read(Config config, Path dir, String name) {
        return KeyMaterial.read(config, "trials.cpr.keys." + name, dir.resolve(name + ".key"));
    }
}
