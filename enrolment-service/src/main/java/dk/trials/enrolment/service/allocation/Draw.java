package dk.trials.enrolment.service.allocation;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One recorded random draw: {@code below(bound)} gave the integer {@code value}, or {@code uniform()} (bound 0) gave
 * the number {@code value}.
 */
public record Draw(int bound, double value) {

    public static Draw integer(int bound, int value) {
        return new Draw(bound, value);
    }

    public static Draw uniform(double value) {
        return new Draw(0, value);
    }

    @JsonIgnore
    public boolean isUniform() {
        return bound == 0;
    }
}
