package dk.trials.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Verifies each bearer token once, not on every request: a case system sends the same token for minutes, and the
 * RS256 signature check with the parsing around it was the largest single cost of a request (a fifth of
 * enrolment-service's CPU at saturation, enrolment-service/bench/README.md). A token the parser accepted is accepted
 * again, until the earliest of its expiry, its age limit ({@code mp.jwt.verify.token.age} after it was issued) and
 * {@code trials.jwt.verified-cache.ttl} after it was verified, so that a signing key withdrawn from the JWKS stops
 * being honoured within that time. A refused token is never kept: it is checked again, and refused again, each time.
 * At most {@code trials.jwt.verified-cache.size} tokens are kept (0 turns this off).
 * <p>
 * Times are the system's: the application's Clock may be pinned (tests, demos), token lifetimes are real time.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private final JWTParser parser;
    private final Clock clock;
    private final int size;
    private final Duration ttl;
    private final Optional<Long> maxAgeSeconds;
    private final ConcurrentMap<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(JsonWebToken token, Instant until) {
    }

    @Inject
    public VerifiedTokens(DefaultJWTParser parser,
                          @ConfigProperty(name = "trials.jwt.verified-cache.size", defaultValue = "2000") int size,
                          @ConfigProperty(name = "trials.jwt.verified-cache.ttl", defaultValue = "PT5M") Duration ttl,
                          @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> maxAgeSeconds) {
        this(parser, Clock.systemUTC(), size, ttl, maxAgeSeconds);
    }

    VerifiedTokens(JWTParser parser, Clock clock, int size, Duration ttl, Optional<Long> maxAgeSeconds) {
        this.parser = parser;
        this.clock = clock;
        this.size = size;
        this.ttl = ttl;
        this.maxAgeSeconds = maxAgeSeconds;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        Instant now = clock.instant();
        Verified known = verified.get(bearerToken);
        if (known != null && now.isBefore(known.until())) {
            return known.token();
        }
        JsonWebToken token = parser.parse(bearerToken);
        if (size > 0) {
            keep(bearerToken, new Verified(token, until(token, now)), now);
        }
        return token;
    }

    private Instant until(JsonWebToken token, Instant now) {
        Instant until = now.plus(ttl);
        if (token.getExpirationTime() > 0) {
            until = earliest(until, Instant.ofEpochSecond(token.getExpirationTime()));
        }
        if (maxAgeSeconds.isPresent() && token.getIssuedAtTime() > 0) {
            until = earliest(until, Instant.ofEpochSecond(token.getIssuedAtTime() + maxAgeSeconds.get()));
        }
        return until;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Full: the lapsed entries go first, and if that is not enough, all (each is verified again once). */
    private void keep(String bearerToken, Verified entry, Instant now) {
        if (verified.size() >= size) {
            verified.values().removeIf(v -> !now.isBefore(v.until()));
            if (verified.size() >= size) {
                verified.clear();
            }
        }
        verified.put(bearerToken, entry);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
