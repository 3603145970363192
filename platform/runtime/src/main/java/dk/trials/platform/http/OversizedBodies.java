package dk.trials.platform.http;

import dk.trials.platform.problem.Problem;
import dk.trials.platform.problem.Problems;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Answers a body announced larger than the server takes at all ({@code quarkus.http.limits.max-body-size}) with a
 * 413 problem document, as every other refusal is answered. The HTTP server's own check (route order -2) would
 * answer the same status with an empty body; this one runs just before it. Bodies within that limit are bounded per
 * operation by {@link JsonBodyLimit}.
 */
@ApplicationScoped
public class OversizedBodies {

    /** Before Quarkus' upload limit (order -2), after its body handler. */
    static final int ORDER = -3;

    private final Optional<MemorySize> serverLimit;

    public OversizedBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> serverLimit) {
        this.serverLimit = serverLimit;
    }

    void install(@Observes Router router) {
        serverLimit.ifPresent(limit -> router.route().order(ORDER).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && announced(length) > limit.asLongValue()) {
                Problem problem = new Problem(Problems.type("body-too-large"), "Request body too large", 413,
                        "The request body is larger than the " + limit.asLongValue() + " bytes this service takes", null);
                // The rest of the body is not read, so the connection cannot carry another request.
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(Json.encode(problem));
            } else {
                context.next();
            }
        }));
    }

    private static long announced(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
