package dk.trials.platform.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * The field errors of one request as they are found, each either unreadable (a value missing or of a form that
 * cannot be parsed) or a broken rule. The one rule: any unreadable field makes the whole request 400; otherwise 422.
 */
public final class FieldErrors {

    private final List<FieldError> all = new ArrayList<>();
    private boolean unreadable;

    public void unreadable(String field, String message) {
        all.add(new FieldError(field, message));
        unreadable = true;
    }

    public void broken(String field, String message) {
        all.add(new FieldError(field, message));
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** Whether any field could not be read at all: the request is then 400, whatever else it breaks. */
    public boolean anyUnreadable() {
        return unreadable;
    }

    /** The errors in the order found. */
    public List<FieldError> all() {
        return List.copyOf(all);
    }

    /** Throws the request's problem, 400 or 422 by the rule, unless nothing was found. */
    public void throwIfAny(String title, String detail) {
        if (all.isEmpty()) {
            return;
        }
        throw unreadable ? ProblemException.badRequest(detail, all()) : ProblemException.unprocessable(title, detail, all());
    }
}
