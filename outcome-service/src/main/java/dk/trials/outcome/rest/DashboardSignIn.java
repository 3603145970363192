package dk.trials.outcome.rest;

import dk.trials.outcome.config.DashboardSignInConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard's sign-in settings, given to the page as {@code GET /dashboard/sign-in.json} (no token: the page needs
 * them to get one), and the page's content security policy, whose connect-src must let it reach the identity provider
 * (discovery and token endpoint) when one is configured. Outside /api, so not part of the OpenAPI document.
 */
@ApplicationScoped
public class DashboardSignIn {

    /**
     * Scripts only from this origin, so that an injected script cannot read the token from session storage. ECharts
     * styles its tooltips inline, hence style-src 'unsafe-inline'; downloads are data:/blob: URLs. The sign-in redirect
     * is a navigation (location.assign), not a form, so form-action stays 'none'.
     */
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src %s; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'none'";
    /** Plain HTTP only to the machine itself (a provider on the local stack or in a test), never across a network. */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String settings;
    private final String policy;

    DashboardSignIn(DashboardSignInConfig config) {
        if (config.issuer().isPresent() != config.clientId().isPresent()) {
            throw new IllegalStateException(
                    "Set both trials.dashboard.oidc.issuer and trials.dashboard.oidc.client-id, or neither");
        }
        Optional<URI> issuer = config.issuer().map(DashboardSignIn::issuer);
        settings = issuer.map(i -> new JsonObject().put("issuer", config.issuer().get())
                .put("clientId", config.clientId().get())).orElseGet(JsonObject::new).encode();
        policy = POLICY.formatted(issuer.map(i -> "'self' " + origin(i)).orElse("'self'"));
    }

    void route(@Observes Router router) {
        router.get("/dashboard/sign-in.json").handler(context -> context.response()
                .putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store").end(settings));
    }

    void securityPolicy(@Observes Filters filters) {
        filters.register(context -> {
            if (context.normalizedPath().startsWith("/dashboard/")) {
                context.response().putHeader("Content-Security-Policy", policy);
            }
            context.next();
        }, 100);
    }

    private static URI issuer(String value) {
        URI uri = URI.create(value);
        boolean secure = "https".equals(uri.getScheme())
                || "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
        if (!secure || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalStateException("trials.dashboard.oidc.issuer must be an https URL without query or fragment: "
                    + value);
        }
        return uri;
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
