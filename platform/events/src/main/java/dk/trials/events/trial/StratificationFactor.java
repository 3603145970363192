package dk.trials.events.trial;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** Participant characteristics a design may stratify or minimise on; JSON uses the contract's camelCase codes. */
public enum StratificationFactor {
    JOBCENTRE("jobcentre"),
    AGE_BAND("ageBand"),
    BENEFIT_TYPE("benefitType"),
    GENDER("gender"),
    UNEMPLOYMENT_DURATION("unemploymentDuration");

    private final String code;

    StratificationFactor(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<StratificationFactor> fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    @JsonCreator
    static StratificationFactor ofCode(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("Unknown factor " + code));
    }
}
