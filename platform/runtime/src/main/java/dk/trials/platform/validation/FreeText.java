package dk.trials.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A string a caller writes in words (a reason, a source, a title): at most {@link #max()} characters, no control
 * characters and no CPR-like number ({@link dk.trials.platform.cpr.CprLike}), which would otherwise be stored, logged
 * or published in clear. Null is valid (pair with {@code @NotNull} where required). A violation says which rule the
 * value breaks, never the value.
 */
@Documented
@Constraint(validatedBy = FreeTextValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface FreeText {

    /** The most characters (Unicode code points) the text may have. */
    int max() default 500;

    String message() default "must be text of at most {max} characters without a CPR number or control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
