package dk.trials.platform.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A value in a request body that Jackson could read but the platform refuses on sight (a control character, a date
 * out of range). It is a {@link JsonMappingException} so that Jackson adds the path of the field as it unwinds;
 * {@link dk.trials.platform.problem.ApiExceptionMappers} answers it 422 with {@link #rule()} for that field.
 */
public class RefusedJsonValue extends JsonMappingException {

    private final String rule;

    public RefusedJsonValue(JsonParser parser, String rule) {
        super(parser, "A value breaks a rule: it " + rule);
        this.rule = rule;
    }

    /** What the value must be, e.g. "must not contain control characters"; never the value itself. */
    public String rule() {
        return rule;
    }
}
