package dk.trials.trial.rest;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dk.trials.contracts.problem.FieldError;
import dk.trials.contracts.problem.Problems;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A value outside a closed list (a trial type, a randomisation method, a stratification factor) is a malformed
 * request like any wrong type, but the answer names the values that are allowed, so a designer can correct it.
 * Other unreadable values keep the shared answer. The exception type is narrower than the shared mappers', so this
 * one answers first; {@code config.JsonReading} turns an unknown factor code into the same exception.
 */
public class UnknownValueMapper {

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return answer(e, e.getTargetType());
    }

    private static Response answer(InvalidFormatException e, Class<?> target) {
        String field = path(e.getPath());
        String message = target != null && target.isEnum()
                ? "must be one of " + allowed(target)
                : "has the wrong type or format";
        return Problems.response(400, "malformed", "Malformed request body", "The value of " + field + " cannot be read",
                List.of(new FieldError(field, message)));
    }

    /** The JSON spellings of an enum's constants: its {@link JsonValue} where it has one, else the names. */
    private static String allowed(Class<?> type) {
        Method jsonValue = Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(JsonValue.class))
                .findFirst().orElse(null);
        return Arrays.stream(type.getEnumConstants()).map(constant -> {
            try {
                return jsonValue == null ? ((Enum<?>) constant).name() : String.valueOf(jsonValue.invoke(constant));
            } catch (ReflectiveOperationException ex) {
                return ((Enum<?>) constant).name();
            }
        }).collect(Collectors.joining(", "));
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
