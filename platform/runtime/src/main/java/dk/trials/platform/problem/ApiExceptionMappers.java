package dk.trials.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;

/**
 * Maps every failure that can leave a REST endpoint to a problem document: domain problems, bad JSON and wrong
 * types, bean-validation failures, authentication and authorisation, unknown paths and methods, and the unexpected
 * (logged here, answered without detail).
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response domainProblem(ProblemException e) {
        return Problems.response(e.toProblem());
    }

    // Quarkus ships mappers for the Jackson subtypes; naming them here too makes ours the ones that answer.
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unreadableJson(JsonProcessingException e) {
        return badJson(e);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unparsableJson(JsonParseException e) {
        return badJson(e);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mistypedJson(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response valueOutsideItsList(InvalidFormatException e) {
        return badJson(e);
    }

    /**
     * The one rule for bean-validation failures: a required field that is missing makes the request unreadable (400);
     * a field that is present but breaks a rule (range, size, pattern, closed set) makes it unprocessable (422).
     */
    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = "The request has " + Problems.count(errors.size(), "invalid field", "invalid fields");
        boolean missing = e.getConstraintViolations().stream().anyMatch(ApiExceptionMappers::requiredButMissing);
        return missing
                ? Problems.response(400, "validation", "Invalid request", detail, errors)
                : Problems.response(422, "unprocessable", "Request breaks a rule", detail, errors);
    }

    /** A value that is absent where {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty} requires one. */
    private static boolean requiredButMissing(ConstraintViolation<?> violation) {
        Object rule = violation.getConstraintDescriptor().getAnnotation();
        return violation.getInvalidValue() == null
                && (rule instanceof NotNull || rule instanceof NotBlank || rule instanceof NotEmpty);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.response(403, "forbidden", "Forbidden", "The token does not carry a role allowed to do this", null);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json);
        }
        if (e.getResponse().getEntity() instanceof Problem) {
            return e.getResponse();
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return Problems.response(status, title.toLowerCase().replace(' ', '-'), title,
                status >= 500 ? "The request could not be completed" : e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return Problems.response(500, "internal", "Internal error",
                "The request could not be completed; the failure is logged", null);
    }

    private static Response unauthorized() {
        return Response.fromResponse(Problems.response(401, "unauthorized", "Unauthorized",
                        "A valid bearer token is required", null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /**
     * JSON that cannot be read is 400; a value of the right JSON type that lies outside a closed list (a trial type, a
     * randomisation method, a factor) is readable but breaks a rule, so it is 422 and names the values allowed.
     */
    private static Response badJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            Class<? extends Enum<?>> closedSet = closedSet(mapping);
            if (closedSet != null) {
                return Problems.response(422, "unprocessable", "Request breaks a rule",
                        "The value of " + field + " is not one of those allowed",
                        List.of(new FieldError(field, Problems.oneOf(closedSet))));
            }
            return Problems.response(400, "malformed", "Malformed request body",
                    "The value of " + field + " cannot be read", List.of(new FieldError(field, "has the wrong type or format")));
        }
        return Problems.response(400, "malformed", "Malformed request body",
                "The body is not valid JSON: " + e.getOriginalMessage(), null);
    }

    /** The enum a string value failed to name, or null when the value was not a string meant for a closed list. */
    @SuppressWarnings("unchecked")
    private static Class<? extends Enum<?>> closedSet(JsonMappingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum() && format.getValue() instanceof String) {
            return (Class<? extends Enum<?>>) format.getTargetType();
        }
        return null;
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
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

    /** The violated field as a JSON path, without the Java method and parameter names in front. */
    private static String fieldPath(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CONSTRUCTOR || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0 && node.getKind() != ElementKind.PROPERTY) {
                field.append('[').append(node.getIndex()).append(']');
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
