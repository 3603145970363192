package dk.trials.outcome.config;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * The identity provider the dashboard signs people in with ({@code trials.dashboard.oidc.*}): OpenID Connect
 * authorisation code with PKCE, run by the page itself as a public client. Both unset: the page takes its token from
 * the URL fragment only, as on the local stack.
 */
@ConfigMapping(prefix = "trials.dashboard.oidc")
public interface DashboardSignInConfig {

    /** The issuer, the realm URL such as {@code https://login.trials.example.dk/realms/trials}. */
    Optional<String> issuer();

    /** The dashboard's public client at that issuer, such as {@code trials-dashboard}. */
    Optional<String> clientId();
}
