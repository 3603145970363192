package dk.trials.platform.idempotency;

import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The client's name for one logical request, sent again with each retry of it: 1 to 200 printable ASCII characters. */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;
    /** Printable ASCII, space to tilde: what every HTTP stack carries unchanged in a header. */
    public static final String PATTERN = "^[\\x20-\\x7E]{1,200}$";
    /** The header's description in every OpenAPI document that takes it. */
    public static final String DESCRIPTION = "Makes a retry safe: a request sent again with the same key (same caller, "
            + "same operation) gets the first answer again (status, Location and body) and has no second effect; the "
            + "same key with a different request is 422. 1 to 200 printable ASCII characters, e.g. a UUID per request.";

    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    public IdempotencyKey {
        if (value == null || !FORMAT.matcher(value).matches()) {
            // 400, not 422: a header that is not a key at all is an unreadable request, like a malformed value.
            throw ProblemException.badRequest("The " + HEADER + " header is not a key", List.of(new FieldError(HEADER,
                    "must be 1 to " + MAX_LENGTH + " printable ASCII characters")));
        }
    }

    /** The key the client sent, none if it sent no header. */
    public static Optional<IdempotencyKey> fromHeader(String header) {
        return header == null ? Optional.empty() : Optional.of(new IdempotencyKey(header));
    }
}
