package dk.trials.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A concrete request for one operation: values for its path template, query parameters, headers and a body sent byte
 * for byte as given (so that malformed JSON stays malformed). Values are percent-encoded here and nowhere else.
 */
public record ApiRequest(String method, String pathTemplate, Map<String, String> pathValues, Map<String, String> query,
                         Map<String, String> headers, String contentType, byte[] body) {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    public ApiRequest {
        pathValues = Map.copyOf(pathValues);
        query = new LinkedHashMap<>(query);
        headers = new LinkedHashMap<>(headers);
    }

    public static ApiRequest of(ApiOperation operation, Map<String, String> pathValues) {
        return new ApiRequest(operation.method(), operation.path(), pathValues, Map.of(), Map.of(), null, null);
    }

    /** The operation's documented example: its query parameters' examples and its request body's first example. */
    public static ApiRequest example(ApiOperation operation, Map<String, String> pathValues) {
        ApiRequest request = of(operation, pathValues);
        for (JsonNode parameter : operation.parameters("query")) {
            if (parameter.has("example")) {
                request = request.withQuery(parameter.path("name").asText(), parameter.get("example").asText());
            }
        }
        Optional<Map.Entry<String, JsonNode>> body = operation.exampleBody();
        if (body.isPresent()) {
            JsonNode value = body.get().getValue();
            String mediaType = body.get().getKey();
            request = request.withBody(mediaType, value.isTextual() && !isJson(mediaType) ? value.asText() : value.toString());
        }
        return request;
    }

    public ApiRequest withBody(String contentType, String text) {
        return withBody(contentType, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    public ApiRequest withBody(String contentType, byte[] bytes) {
        return new ApiRequest(method, pathTemplate, pathValues, query, headers, contentType, bytes);
    }

    public ApiRequest withPathValue(String name, String value) {
        Map<String, String> values = new LinkedHashMap<>(pathValues);
        values.put(name, value);
        return new ApiRequest(method, pathTemplate, values, query, headers, contentType, body);
    }

    /** With the query parameter set, or removed where {@code value} is null. */
    public ApiRequest withQuery(String name, String value) {
        Map<String, String> parameters = new LinkedHashMap<>(query);
        if (value == null) {
            parameters.remove(name);
        } else {
            parameters.put(name, value);
        }
        return new ApiRequest(method, pathTemplate, pathValues, parameters, headers, contentType, body);
    }

    public ApiRequest withHeader(String name, String value) {
        Map<String, String> values = new LinkedHashMap<>(headers);
        values.put(name, value);
        return new ApiRequest(method, pathTemplate, pathValues, query, values, contentType, body);
    }

    /** The path with its variables filled in and the query string, percent-encoded. */
    public String uri() {
        Matcher variable = PATH_VARIABLE.matcher(pathTemplate);
        StringBuilder uri = new StringBuilder();
        while (variable.find()) {
            String value = pathValues.get(variable.group(1));
            if (value == null) {
                throw new IllegalStateException(pathTemplate + ": no value for {" + variable.group(1) + "}");
            }
            variable.appendReplacement(uri, Matcher.quoteReplacement(encode(value)));
        }
        variable.appendTail(uri);
        String separator = "?";
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = "&";
        }
        return uri.toString();
    }

    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Sends the request with that bearer token (none where null) to the application under test (REST Assured's base
     * URI and port, which a Quarkus test sets). The JDK client reads an answer the server gives before it has read
     * the whole body (a 413, a refusal of malformed JSON), where a blocking client would fail on the closed socket.
     */
    public Answer send(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + uri()))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri() + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the service answered: status, content type and body text. */
    public record Answer(int status, String contentType, String body) {
    }

    /** Whether the media type is JSON ({@code application/json} or a {@code +json} type), not e.g. NDJSON. */
    public static boolean isJson(String mediaType) {
        return mediaType != null && (mediaType.startsWith("application/json") || mediaType.contains("+json"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
