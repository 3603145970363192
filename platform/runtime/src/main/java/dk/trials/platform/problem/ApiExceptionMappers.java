package dk.trials.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dk.trials.platform.cpr.CprLike;
import dk.trials.platform.validation.ControlCharacters;
import dk.trials.platform.validation.RefusedJsonValue;
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

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Maps every failure that can leave a REST endpoint to a problem document: domain problems, bad JSON and wrong
 * types, bean-validation failures, authentication and authorisation, unknown paths and methods, and the unexpected
 * (logged here, answered without detail).
 * <p>
 * No answer repeats what the caller sent: a parser's or the HTTP layer's own message quotes the input (a token such
 * as an unquoted CPR number, a value out of range), so problems here say what is wrong and where, in words of their
 * own, and name fields only by a path whose parts cannot carry caller data.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    /** What the HTTP layer's own refusals mean, said without its message (which may quote the request). */
    private static final Map<Integer, String> HTTP_DETAILS = Map.of(
            400, "The request cannot be read",
            404, "There is no resource at this path",
            405, "This path does not take this method",
            406, "This path cannot answer in a media type the request accepts",
            413, "The request body is larger than this operation takes",
            415, "This operation does not take a body of this media type");

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
     * Jackson reports a field sent twice into a record as a fault of the type (it finds no setter for the second
     * value), which Quarkus answers 500. While reading a request it is the request's fault: 400. While writing a
     * response it is ours.
     */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response fieldSentTwice(InvalidDefinitionException e) {
        return e.getProcessor() instanceof JsonParser ? badJson(e) : unexpected(e);
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
        String detail = status >= 500 ? "The request could not be completed"
                : HTTP_DETAILS.getOrDefault(status, "The request cannot be handled: " + title);
        return Problems.response(status, title.toLowerCase().replace(' ', '-'), title, detail, null);
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
        ProblemException raised = raisedWhileReading(e);
        if (raised != null) {
            return Problems.response(raised.toProblem());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            RefusedJsonValue refused = refusedValue(mapping);
            if (refused != null) {
                return Problems.response(422, "unprocessable", "Request breaks a rule",
                        "The value of " + field + " breaks a rule", List.of(new FieldError(field, refused.rule())));
            }
            Class<? extends Enum<?>> closedSet = closedSet(mapping);
            if (closedSet != null) {
                return Problems.response(422, "unprocessable", "Request breaks a rule",
                        "The value of " + field + " is not one of those allowed",
                        List.of(new FieldError(field, Problems.oneOf(closedSet))));
            }
            return Problems.response(400, "malformed", "Malformed request body",
                    "The value of " + field + " cannot be read", List.of(new FieldError(field, "has the wrong type or format")));
        }
        // Not a mapping failure: the parser's own (a syntax error, a number too large for its type). Its message
        // quotes the input, so only where it stopped is told.
        String field = e.getProcessor() instanceof JsonParser parser ? parsedPath(parser.getParsingContext()) : "";
        String where = where(e.getLocation());
        if (!field.isEmpty()) {
            return Problems.response(400, "malformed", "Malformed request body",
                    "The value of " + field + " cannot be read" + where,
                    List.of(new FieldError(field, "has the wrong type or format")));
        }
        return Problems.response(400, "malformed", "Malformed request body", "The body is not valid JSON" + where, null);
    }

    /** A problem raised from inside the body's reader (a body over its limit), which Jackson may have wrapped. */
    private static ProblemException raisedWhileReading(Throwable e) {
        for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
        }
        return null;
    }

    /** The platform's own refusal of a value, directly or as the cause Jackson wrapped with the field's path. */
    private static RefusedJsonValue refusedValue(JsonMappingException e) {
        for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof RefusedJsonValue refused) {
                return refused;
            }
        }
        return null;
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The path of the value a parser stopped in, from its context; empty at the top level. */
    private static String parsedPath(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + pathPart(c.getCurrentName()));
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                parts.push("[" + c.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /**
     * A field name as a problem may show it. Names of the API's own fields pass; a map key or an unknown name is
     * caller data and may be anything, a CPR number included, so such a part is shown as {@code *}.
     */
    private static String pathPart(String name) {
        boolean plain = name.length() <= 64 && !ControlCharacters.appearIn(name) && !CprLike.appearsIn(name)
                && name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'));
        return plain ? name : "*";
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
                field.append(pathPart(ref.getFieldName()));
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
