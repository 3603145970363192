import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.build.JwtException;
import io.smallrye.jwt.util.KeyUtils;

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
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Signing key and bearer tokens for the local stack, signed by smallrye-jwt-build (the classpath
 * comes from the "token" profile of deploy/local/pom.xml; deploy/local/lib.sh resolves it).
 *
 *   Token --keys DIR --ensure                    create DIR/jwt-private.pem + DIR/jwt-public.pem once
 *   Token --keys DIR ROLE [--jobcentre CODE] [--count N]
 *                                                print one RS256 JWT, or N of them a line each (each
 *                                                with its own jti: a client's replicas, say), creating
 *                                                the keys if needed
 *
 * The services verify with the public key (MP_JWT_VERIFY_PUBLICKEY_LOCATION), the issuer
 * https://trials.local/auth, the audience trials-api and the token's age (iat at most 8 hours ago).
 * Roles travel in "groups"; a jobcentre token also carries the "jobcentre" claim (the municipality
 * code, a string).
 *
 * Usually called through deploy/local/token; Demo.java calls {@link #mint} directly.
 * Exit status 2 on bad usage, with the reason on stderr.
 */
public class Token {

    public static final String ISSUER = "https://trials.local/auth";
    public static final String AUDIENCE = "trials-api";
    public static final List<String> ROLES = List.of("trial-designer", "jobcentre", "analyst", "admin");
    public static final Duration LIFETIME = Duration.ofHours(8);

    static final String KEY_ID = "local-stack";
    static final String PRIVATE_KEY = "jwt-private.pem";
    static final String PUBLIC_KEY = "jwt-public.pem";

    public static void main(String[] args) {
        Path keys = null;
        String role = null, jobcentre = null;
        boolean ensureOnly = false;
        int count = 1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--keys" -> keys = Path.of(value(args, ++i, "--keys"));
                case "--ensure" -> ensureOnly = true;
                case "--jobcentre" -> jobcentre = value(args, ++i, "--jobcentre");
                case "--count" -> count = count(value(args, ++i, "--count"));
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
            for (int n = 0; n < count; n++) {
                System.out.println(mint(keys, role, jobcentre));
            }
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        } catch (IOException | GeneralSecurityException | JwtException e) {
            System.err.println("token: " + e);
            System.exit(1);
        }
    }

    /** Validates the request and returns a signed compact JWT (header: RS256, typ JWT, kid local-stack). */
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
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(role)
                .audience(AUDIENCE)
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .claim("jti", UUID.randomUUID().toString());
        if (jobcentre != null) {
            claims.claim("jobcentre", jobcentre);
        }
        return claims.jws().keyId(KEY_ID).sign(readPrivateKey(keyDir.resolve(PRIVATE_KEY)));
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
            KeyPair pair = KeyUtils.generateKeyPair(2048);
            // PKCS#8 and X.509 SubjectPublicKeyInfo: the PEM forms SmallRye JWT reads.
            writeAtomically(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
            writeAtomically(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
        }
    }

    static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        return KeyUtils.decodePrivateKey(Files.readString(file));
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

    static int count(String value) {
        if (!value.matches("[0-9]{1,4}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 1000) {
            usage("--count takes a whole number from 1 to 1000");
        }
        return Integer.parseInt(value);
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
        System.err.println("usage: deploy/local/token ROLE [--jobcentre CODE] [--count N]");
        System.err.println("       ROLE: " + String.join(" | ", ROLES) + "  (jobcentre needs --jobcentre, e.g. 101)");
        System.exit(problem == null ? 0 : 2);
    }
}
