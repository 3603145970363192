package dk.trials.platform.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The mapper the REST layer reads request bodies (and writes responses) with: the application's own, configured alike,
 * plus {@link RequestBodyRules}. A copy, so that the application's mapper, which the Kafka codec reads events with,
 * stays as it is.
 */
@Provider
public class RequestBodyJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    public RequestBodyJson(ObjectMapper application) {
        this.mapper = application.copy().registerModule(RequestBodyRules.module());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
