package dk.trials.platform.http;

import dk.trials.platform.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Limits each bearer token to {@code trials.rate-limit.requests-per-second} (bursts up to {@code trials.rate-limit.burst};
 * 0 turns the limit off), answering 429 with {@code Retry-After}, so that one client, a leaked token or a probe cannot
 * take a service's capacity from the others. It runs before the token is verified, keyed by a digest of the header
 * (the token itself is not kept), so that a flood is refused before any signature check. Only the REST API passes
 * here: the operator endpoints under {@code /q} are not JAX-RS resources.
 */
@Provider
@PreMatching
public class PerTokenRateLimit implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final TokenBuckets buckets;

    public PerTokenRateLimit(@ConfigProperty(name = "trials.rate-limit.requests-per-second", defaultValue = "200") double perSecond,
                             @ConfigProperty(name = "trials.rate-limit.burst", defaultValue = "400") int burst,
                             @ConfigProperty(name = "trials.rate-limit.tracked-tokens", defaultValue = "10000") int tracked) {
        // The rate is measured on the monotonic clock: the application's Clock may be pinned (tests, demos).
        this.buckets = perSecond <= 0 ? null : new TokenBuckets(perSecond, burst, tracked, System::nanoTime);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (buckets == null || authorization == null || !authorization.startsWith(BEARER)) {
            return;
        }
        long waitNanos = buckets.take(digest(authorization.substring(BEARER.length())));
        if (waitNanos > 0) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + TimeUnit.SECONDS.toNanos(1) - 1));
            request.abortWith(Response.fromResponse(Problems.response(429, "too-many-requests", "Too many requests",
                            "This token has sent more requests than the service takes; try again after " + seconds + " s",
                            null))
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .build());
        }
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
