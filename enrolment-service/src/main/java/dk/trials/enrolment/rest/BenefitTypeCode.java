package dk.trials.enrolment.rest;

import dk.trials.events.trial.BenefitType;
import dk.trials.platform.problem.Problems;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A benefit type from the closed set {@link BenefitType} (null passes: the trial decides whether it is needed). Read
 * as a string so that a value outside the set breaks a rule (422) rather than making the request unreadable, and the
 * message names the set, never the value sent.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BenefitTypeCode.Rule.class)
public @interface BenefitTypeCode {

    /** Replaced by the list of the set's names where the rule is broken. */
    String message() default "must be a benefit type";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Rule implements ConstraintValidator<BenefitTypeCode, String> {

        private static final String ONE_OF = Problems.oneOf(BenefitType.class);

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || BenefitType.of(value).isPresent()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(ONE_OF).addConstraintViolation();
            return false;
        }

        /** The validated value as the closed set's member; null stays null. */
        static BenefitType read(String value) {
            return value == null ? null : BenefitType.of(value).orElseThrow();
        }
    }
}
