package dk.trials.platform.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The mapper the REST layer reads request bodies (and writes responses) with: the application's own, configured alike,
 * plus {@link RequestBodyRules}, and a field sent twice refused as the malformed body it is (which value did the client
 * mean, which one will a proxy or a log reader see? Read into a record Jackson would even report it as a fault of
 * the type). A copy, so that the application's mapper, which the Kafka codec reads events with, stays as it is.
 */
@Provider
public class RequestBodyJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    public RequestBodyJson(ObjectMapper application) {
        this.mapper = application.copy()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .registerModule(RequestBodyRules.module());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
