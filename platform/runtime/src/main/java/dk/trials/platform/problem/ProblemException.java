package dk.trials.platform.problem;

import java.util.List;

/**
 * A failure the API reports to its caller as a problem document. Thrown from services; mapped to the response
 * by {@link ApiExceptionMappers}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException badRequest(String detail, List<FieldError> errors) {
        return new ProblemException(400, "validation", "Invalid request", detail, errors);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict with the current state", detail, null);
    }

    public static ProblemException unprocessable(String title, String detail, List<FieldError> errors) {
        return new ProblemException(422, "unprocessable", title, detail, errors);
    }

    /** 422 naming how many rules the {@code subject} breaks, e.g. "The design breaks 2 rules"; each one in errors. */
    public static ProblemException brokenRules(String title, String subject, List<FieldError> errors) {
        return unprocessable(title, "The " + subject + " breaks " + Problems.count(errors.size(), "rule", "rules"), errors);
    }

    public Problem toProblem() {
        return new Problem(Problems.type(slug), title, status, getMessage(), errors == null || errors.isEmpty() ? null : errors);
    }

    public int status() {
        return status;
    }
}
