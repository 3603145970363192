package dk.trials.trial.config;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/** How this service reads JSON, beyond the shared defaults. */
@Singleton
public class JsonReading implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // Jackson would silently truncate "allocationWeight": 1.5 to 1; a weight, block size or count that is not
        // a whole number is a malformed request instead, answered with the field that is wrong.
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.addHandler(new UnknownEnumCode());
    }

    /**
     * An enum read through its own factory (a stratification factor's camelCase code) rejects an unknown code by
     * throwing; reported as the invalid value it is, like any other unknown enum value, the answer can list the
     * allowed codes.
     */
    static final class UnknownEnumCode extends DeserializationProblemHandler {

        @Override
        public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass, Object argument,
                                                 Throwable t) throws IOException {
            if (instClass.isEnum() && t instanceof IllegalArgumentException) {
                throw InvalidFormatException.from(ctxt.getParser(), t.getMessage(), argument, instClass);
            }
            return NOT_HANDLED;
        }
    }
}
