package dk.trials.outcome.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dk.trials.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An OpenID Connect provider as strict as the dashboard's real one (Keycloak, client trials-dashboard) on what the
 * page must do, on a free port of 127.0.0.1 (another origin than the page's localhost): discovery; an authorisation
 * endpoint that checks the request (code flow, response_mode=fragment, S256 challenge, client and redirect URI) and
 * sends the browser back with {@code #code=…&state=…}; a token endpoint, reached by CORS, that gives the access token
 * only for the verifier of the code's challenge, once per code. The access token is one the service takes (the tests'
 * signing key, aud trials-api, role analyst), or, when told, one for another audience, which it refuses.
 */
public final class FakeIdentityProvider implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "trials-dashboard";
    private static final String REALM = "/realms/trials";

    /** What an authorisation request left for its code: the challenge, the redirect URI and the nonce. */
    private record Grant(String challenge, String redirectUri, String nonce) {
    }

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final AtomicInteger authorisations = new AtomicInteger();
    private HttpServer server;
    private volatile URI dashboard;
    private volatile String audience = TestTokens.AUDIENCE;
    private volatile String lastAccessToken;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(REALM + "/.well-known/openid-configuration", this::discovery);
        server.createContext(REALM + "/protocol/openid-connect/auth", this::authorise);
        server.createContext(REALM + "/protocol/openid-connect/token", this::token);
        server.start();
        return Map.of("trials.dashboard.oidc.issuer", issuer(), "trials.dashboard.oidc.client-id", CLIENT_ID);
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.MatchesType(FakeIdentityProvider.class));
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The page's address: its redirect URI (registered as in the realm) and its origin, the one CORS lets in. */
    void serve(URI page) {
        dashboard = page;
        codes.clear();
        refusals.clear();
        authorisations.set(0);
        audience = TestTokens.AUDIENCE;
        lastAccessToken = null;
    }

    /** From now on the access tokens are for another audience: the service refuses them. */
    void issueRefusedTokens() {
        audience = "another-system";
    }

    List<String> refusals() {
        return List.copyOf(refusals);
    }

    int authorisations() {
        return authorisations.get();
    }

    String lastAccessToken() {
        return lastAccessToken;
    }

    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String endpoints = issuer() + "/protocol/openid-connect";
        answer(exchange, 200, new JsonObject().put("issuer", issuer())
                .put("authorization_endpoint", endpoints + "/auth").put("token_endpoint", endpoints + "/token")
                .put("response_modes_supported", List.of("query", "fragment"))
                .put("code_challenge_methods_supported", List.of("S256")).encode());
    }

    private void authorise(HttpExchange exchange) throws IOException {
        authorisations.incrementAndGet();
        Map<String, String> request = parameters(exchange.getRequestURI().getRawQuery());
        String problem = Stream.of(
                expect(request, "response_type", "code"),
                expect(request, "response_mode", "fragment"),
                expect(request, "client_id", CLIENT_ID),
                expect(request, "redirect_uri", String.valueOf(dashboard)),
                expect(request, "scope", "openid"),
                expect(request, "code_challenge_method", "S256"),
                request.getOrDefault("code_challenge", "").matches("[A-Za-z0-9_-]{43}") ? null : "code_challenge",
                request.getOrDefault("state", "").length() >= 16 ? null : "state",
                request.getOrDefault("nonce", "").length() >= 16 ? null : "nonce")
                .filter(p -> p != null).collect(Collectors.joining(", "));
        if (!problem.isEmpty()) {
            refuse(exchange, "authorisation request: " + problem);
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(request.get("code_challenge"), request.get("redirect_uri"), request.get("nonce")));
        exchange.getResponseHeaders().add("Location", request.get("redirect_uri") + "#code=" + code + "&state="
                + URLEncoder.encode(request.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            refuse(exchange, "token request by " + exchange.getRequestMethod());
            return;
        }
        Map<String, String> request = parameters(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        // A code is spent by its first redemption, right or wrong.
        Grant grant = codes.remove(request.getOrDefault("code", ""));
        String problem = grant == null ? "unknown or used code" : Stream.of(
                expect(request, "grant_type", "authorization_code"),
                expect(request, "client_id", CLIENT_ID),
                expect(request, "redirect_uri", grant.redirectUri()),
                challengeOf(request.getOrDefault("code_verifier", "")).equals(grant.challenge()) ? null : "code_verifier")
                .filter(p -> p != null).collect(Collectors.joining(", "));
        if (!problem.isEmpty()) {
            refuse(exchange, "token request: " + problem);
            return;
        }
        lastAccessToken = TestTokens.forAudience("analyst", audience);
        answer(exchange, 200, new JsonObject().put("access_token", lastAccessToken).put("token_type", "Bearer")
                .put("expires_in", 300).put("id_token", idToken(grant.nonce())).encode());
    }

    private String idToken(String nonce) {
        try {
            return Jwt.issuer(issuer()).audience(CLIENT_ID).subject("test-analyst").claim("nonce", nonce)
                    .expiresIn(300).jws().sign(KeyUtils.readPrivateKey("/jwt/test-private-key.pem"));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String expect(Map<String, String> request, String name, String value) {
        return value.equals(request.get(name)) ? null : name + "=" + request.get(name);
    }

    private void refuse(HttpExchange exchange, String problem) throws IOException {
        refusals.add(problem);
        answer(exchange, 400, new JsonObject().put("error", "invalid_request").put("error_description", problem).encode());
    }

    private void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        if (dashboard != null) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin",
                    dashboard.getScheme() + "://" + dashboard.getHost() + ":" + dashboard.getPort());
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static Map<String, String> parameters(String form) {
        if (form == null || form.isEmpty()) {
            return Map.of();
        }
        return Stream.of(form.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair -> pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8), (a, b) -> b));
    }
}
