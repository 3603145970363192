package dk.trials.platform.problem;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonValue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Builds problem responses; the one place that knows the media type and the type URIs. */
public final class Problems {

    private Problems() {
    }

    /** "1 rule", "2 rules": the count in a problem's detail. */
    public static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /**
     * "must be one of A, B": the message for a value outside a closed set, with the enum's JSON spellings (its
     * {@link JsonValue} where it has one, else the names).
     */
    public static String oneOf(Class<? extends Enum<?>> closedSet) {
        Method jsonValue = Arrays.stream(closedSet.getMethods()).filter(m -> m.isAnnotationPresent(JsonValue.class))
                .findFirst().orElse(null);
        return "must be one of " + Arrays.stream(closedSet.getEnumConstants()).map(constant -> {
            try {
                return jsonValue == null ? constant.name() : String.valueOf(jsonValue.invoke(constant));
            } catch (ReflectiveOperationException e) {
                return constant.name();
            }
        }).collect(Collectors.joining(", "));
    }

    public static String type(String slug) {
        return "urn:trials:problem:" + slug;
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(int status, String slug, String title, String detail, List<FieldError> errors) {
        return response(new Problem(type(slug), title, status, detail, errors));
    }
}
