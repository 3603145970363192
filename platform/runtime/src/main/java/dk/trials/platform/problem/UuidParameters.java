package dk.trials.platform.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.UUID;

/**
 * Reads every UUID path and query parameter. JAX-RS answers a path parameter it cannot convert with 404, as if the
 * resource did not exist; a trial id that is not a UUID is a request that cannot be read, so it is 400 here, naming
 * the parameter's value as unreadable without echoing it.
 */
@Provider
public class UuidParameters implements ParamConverterProvider {

    /** Converts one parameter, named in the problem as the caller named it ({@code trialId}, {@code enrolmentId}). */
    private record UuidParameter(String name) implements ParamConverter<UUID> {
        @Override
        public UUID fromString(String value) {
            try {
                return value == null ? null : UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(Problems.response(400, "malformed", "Malformed request",
                        "The " + name + " in the request is not a UUID",
                        List.of(new FieldError(name, "must be a UUID such as 3f2c8a1e-5b7d-4e7a-9c1f-2d4b6a8e0c13"))));
            }
        }

        @Override
        public String toString(UUID value) {
            return value.toString();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == UUID.class ? (ParamConverter<T>) new UuidParameter(nameOf(annotations)) : null;
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return "id";
    }
}
