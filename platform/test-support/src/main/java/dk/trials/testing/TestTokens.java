package dk.trials.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Signed bearer tokens for tests, made with the test key pair that test configurations trust: issued now, for the
 * audience {@value #AUDIENCE}, as the services require. {@link #forAudience} and {@link #issuedAt} make the tokens a
 * service must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "https://trials.local/auth";
    /** The audience every service verifies ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "trials-api";
    private static PrivateKey signingKey;

    private TestTokens() {
    }

    public static String designer() {
        return token("trial-designer", null);
    }

    public static String admin() {
        return token("admin", null);
    }

    public static String analyst() {
        return token("analyst", null);
    }

    public static String jobcentre(String municipality) {
        return token("jobcentre", municipality);
    }

    public static String token(String role, String jobcentre) {
        return mint(role, jobcentre, AUDIENCE, Instant.now());
    }

    /** A token like {@link #token} but for another audience (another system's token), which services refuse. */
    public static String forAudience(String role, String audience) {
        return mint(role, null, audience, Instant.now());
    }

    /** A token like {@link #token}, still unexpired but issued at {@code issuedAt}, e.g. longer ago than services allow. */
    public static String issuedAt(String role, Instant issuedAt) {
        return mint(role, null, AUDIENCE, issuedAt);
    }

    private static String mint(String role, String jobcentre, String audience, Instant issuedAt) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .upn("test-" + role + (jobcentre == null ? "" : "-" + jobcentre))
                .groups(Set.of(role))
                .audience(audience)
                .issuedAt(issuedAt)
                .expiresAt(Instant.now().plus(Duration.ofHours(1)));
        if (jobcentre != null) {
            claims.claim("jobcentre", jobcentre);
        }
        return claims.jws().sign(key());
    }

    /** The header value, for REST Assured's {@code header("Authorization", ...)}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static synchronized PrivateKey key() {
        if (signingKey == null) {
            try (InputStream in = TestTokens.class.getResourceAsStream("/jwt/test-private-key.pem")) {
                signingKey = KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            } catch (IOException | java.security.GeneralSecurityException e) {
                throw new IllegalStateException("Test signing key missing", e);
            }
        }
        return signingKey;
    }
}
