import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Signing key and bearer tokens for the local stack, with nothing but the JDK.
 *
 *   Token --keys DIR --ensure                    create DIR/jwt-private.pem + DIR/jwt-public.pem once
 *   Token --keys DIR ROLE [--jobcentre CODE]     print one RS256 JWT (creating the keys if needed)
 *
 * The services verify with the public key (MP_JWT_VERIFY_PUBLICKEY_LOCATION) and the issuer
 * https://trials.local/auth. Roles travel in "groups"; a jobcentre token also carries the
 * "jobcentre" claim (the municipality code, a string).
 *
 * Usually called through deploy/local/token; Demo.java calls {@link #mint} directly.
 * Exit status 2 on bad usage, with the reason on stderr.
 */
public class Token {

    public static final String ISSUER = "https://trials.local/auth";
    public static final List<String> ROLES = List.of("trial-designer", "jobcentre", "analyst", "admin");
    public static final Duration LIFETIME = Duration.ofHours(8);

    static final String PRIVATE_KEY = "jwt-private.pem";
    static final String PUBLIC_KEY = "jwt-public.pem";

    public static void main(String[] args) {
        Path keys = null;
        String role = null, jobcentre = null;
        boolean ensureOnly = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--keys" -> keys = Path.of(value(args, ++i, "--keys"));
                case "--ensure" -> ensureOnly = true;
                case "--jobcentre" -> jobcentre = value(args, ++i, "--jobcentre");
                case "-h", "--help" -> usage(null);
                default -> {
                    if (a.startsWith("-") || role != null) {
                        usage("unexpected argument: " + a);
                    }
                    role = a;
                }
            }
        }
        if (keys == null) {
            usage("--keys DIR is required");
        }
        try {
            ensureKeys(keys);
            if (ensureOnly) {
                return;
            }
            if (role == null) {
                usage("a ROLE is required");
            }
            System.out.println(mint(keys, role, jobcentre));
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        } catch (IOException | GeneralSecurityException e) {
            System.err.println("token: " + e);
            System.exit(1);
        }
    }

    /** Validates the request and returns a signed compact JWT. */
    public static String mint(Path keyDir, String role, String jobcentre) throws IOException, GeneralSecurityException {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "' (one of " + String.join(", ", ROLES) + ")");
        }
        if (jobcentre != null && !jobcentre.matches("\\d{3}")) {
            throw new IllegalArgumentException("--jobcentre takes a 3-digit municipality code, e.g. 101");
        }
        if ("jobcentre".equals(role) && jobcentre == null) {
            throw new IllegalArgumentException("role jobcentre needs --jobcentre CODE");
        }
        String subject = "local-" + role + (jobcentre == null ? "" : "-" + jobcentre);
        Instant now = Instant.now();

        // All values are known-safe (validated above), so plain concatenation makes valid JSON.
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"local-stack\"}";
        StringBuilder claims = new StringBuilder()
                .append("{\"iss\":\"").append(ISSUER).append('"')
                .append(",\"sub\":\"").append(subject).append('"')
                .append(",\"upn\":\"").append(subject).append('"')
                .append(",\"groups\":[\"").append(role).append("\"]");
        if (jobcentre != null) {
            claims.append(",\"jobcentre\":\"").append(jobcentre).append('"');
        }
        claims.append(",\"iat\":").append(now.getEpochSecond())
                .append(",\"exp\":").append(now.plus(LIFETIME).getEpochSecond())
                .append(",\"jti\":\"").append(UUID.randomUUID()).append("\"}");

        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(readPrivateKey(keyDir.resolve(PRIVATE_KEY)));
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rs256.sign());
    }

    /**
     * Creates the RSA-2048 key pair unless it exists. A file lock makes concurrent first calls
     * (e.g. "stack up" and "token" at the same moment) agree on one pair.
     */
    public static void ensureKeys(Path dir) throws IOException, GeneralSecurityException {
        Path priv = dir.resolve(PRIVATE_KEY), pub = dir.resolve(PUBLIC_KEY);
        if (Files.exists(priv) && Files.exists(pub)) {
            return;
        }
        Files.createDirectories(dir);
        try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            if (Files.exists(priv) && Files.exists(pub)) {
                return;                                     // another process won the race
            }
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair pair = gen.generateKeyPair();
            // PKCS#8 and X.509 SubjectPublicKeyInfo: the PEM forms SmallRye JWT reads.
            writeAtomically(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
            writeAtomically(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
        }
    }

    static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String body = Files.readString(file)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try {
                // createTempFile makes the file owner-only; the public key may be world-readable.
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's permissions have to do
            }
            Files.writeString(tmp, content);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            usage(option + " needs a value");
        }
        return args[i];
    }

    static void usage(String problem) {
        if (problem != null) {
            System.err.println("token: " + problem);
        }
        System.err.println("usage: deploy/local/token ROLE [--jobcentre CODE]");
        System.err.println("       ROLE: " + String.join(" | ", ROLES) + "  (jobcentre needs --jobcentre, e.g. 101)");
        System.exit(problem == null ? 0 : 2);
    }
}
