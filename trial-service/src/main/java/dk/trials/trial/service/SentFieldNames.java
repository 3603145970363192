package dk.trials.trial.service;

import dk.trials.platform.problem.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Names the fields a request sent that it may not send. A field is named back only when its name is a plain name, as
 * every field of a design is; anything else typed as a field name (digits, a CPR number) is never echoed: such fields
 * are refused together, under the request's own name.
 */
final class SentFieldNames {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z]{1,64}");

    private SentFieldNames() {
    }

    /**
     * One error per plainly named field, in name order, with the reason {@code why} gives for it (under
     * {@code prefix.}, when a prefix is given), and one error on {@code whole} for all the others.
     */
    static List<FieldError> refused(Set<String> names, String prefix, String whole, UnaryOperator<String> why,
                                    String others) {
        List<FieldError> errors = new ArrayList<>();
        boolean unnamed = false;
        for (String name : new TreeSet<>(names)) {
            if (PLAIN_NAME.matcher(name).matches()) {
                errors.add(new FieldError(prefix == null ? name : prefix + "." + name, why.apply(name)));
            } else {
                unnamed = true;
            }
        }
        if (unnamed) {
            errors.add(new FieldError(whole, others));
        }
        return errors;
    }
}
