package dk.trials.platform.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreeTextTest {

    record Withdrawal(@FreeText String reason, @FreeText(max = 10) String source, List<@FreeText String> notes) {
    }

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private List<String> violations(Withdrawal withdrawal) {
        Set<ConstraintViolation<Withdrawal>> found = validator.validate(withdrawal);
        return found.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList();
    }

    @Test
    void words_of_any_language_within_the_length_are_free_text() {
        assertEquals(List.of(), violations(new Withdrawal("Flyttet til Ærø – ønsker ikke at deltage 😀", "DREAM", List.of("ok"))));
        assertEquals(List.of(), violations(new Withdrawal(null, null, null)));
        assertEquals(List.of(), violations(new Withdrawal("a".repeat(500), "b".repeat(10), List.of())));
    }

    @Test
    void a_cpr_number_is_refused_and_the_message_does_not_repeat_it() {
        List<String> found = violations(new Withdrawal("see 010199-1234", null, List.of("x", "0101991234")));

        assertEquals(List.of("notes[1].<list element>: must not contain a CPR number", "reason: must not contain a CPR number"), found);
        assertFalse(found.toString().contains("1234"));
    }

    @Test
    void a_control_character_is_refused() {
        assertEquals(List.of("reason: must not contain control characters"), violations(new Withdrawal("a\u0000b", null, null)));
        assertEquals(List.of("reason: must not contain control characters"), violations(new Withdrawal("a\tb", null, null)));
    }

    @Test
    void text_longer_than_the_limit_is_refused_saying_the_limit() {
        assertEquals(List.of("reason: must be at most 500 characters"), violations(new Withdrawal("a".repeat(501), null, null)));
        assertEquals(List.of("source: must be at most 10 characters"), violations(new Withdrawal(null, "b".repeat(11), null)));
    }

    @Test
    void the_limit_counts_characters_not_utf16_units() {
        assertTrue(violations(new Withdrawal(null, "😀".repeat(10), null)).isEmpty());
    }
}
