package dk.trials.platform.validation;

import dk.trials.platform.cpr.CprLike;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link FreeText}: the one message names the rule broken (longest first), never the text. */
public class FreeTextValidator implements ConstraintValidator<FreeText, CharSequence> {

    private int max;

    @Override
    public void initialize(FreeText rule) {
        max = rule.max();
    }

    @Override
    public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
        if (text == null) {
            return true;
        }
        String broken = brokenRule(text);
        if (broken == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(broken).addConstraintViolation();
        return false;
    }

    private String brokenRule(CharSequence text) {
        if (Character.codePointCount(text, 0, text.length()) > max) {
            return "must be at most " + max + " characters";
        }
        if (ControlCharacters.appearIn(text)) {
            return "must not contain control characters";
        }
        if (CprLike.appearsIn(text)) {
            return "must not contain a CPR number";
        }
        return null;
    }
}
