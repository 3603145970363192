package dk.trials.outcome.service;

import dk.trials.platform.cpr.CprLike;
import dk.trials.platform.validation.ControlCharacters;

import java.util.Optional;

/**
 * The rules every free text this service takes keeps (an outcome's source and source id, a look's reason, a
 * sign-off's comment), whichever way it arrives (a request body, a bulk line, a register feed): not blank, and the
 * platform's {@link dk.trials.platform.validation.FreeText} rules in its words: at most so many characters, no control
 * characters, no CPR-like number. The rule broken is said without the text, so no answer or log line echoes it. The
 * readers check field by field, so that a bad bulk line is answered by its number rather than failing the file.
 */
public final class TextRules {

    private TextRules() {
    }

    /** The rule the text breaks, if any; {@code value} is not null. */
    public static Optional<String> broken(String value, int max) {
        if (value.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (value.codePointCount(0, value.length()) > max) {
            return Optional.of("must be at most " + max + " characters");
        }
        if (ControlCharacters.appearIn(value)) {
            return Optional.of("must not contain control characters");
        }
        if (CprLike.appearsIn(value)) {
            return Optional.of("must not contain a CPR number");
        }
        return Optional.empty();
    }
}
