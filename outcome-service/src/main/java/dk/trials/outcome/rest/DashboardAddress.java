package dk.trials.outcome.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The dashboard's one address, {@code /dashboard}, leads to the page Quarkus serves from
 * META-INF/resources/dashboard/. The browser keeps the URL fragment (the token) across the redirect, and the
 * fragment never reaches the server.
 */
@ApplicationScoped
public class DashboardAddress {

    void route(@Observes Router router) {
        // A regular expression: a plain "/dashboard" route would also take "/dashboard/" and redirect it to itself.
        router.getWithRegex("/dashboard").handler(context -> context.response().setStatusCode(301)
                .putHeader("Location", "/dashboard/").end());
    }
}
