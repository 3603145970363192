package dk.trials.platform.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dk.trials.platform.time.InputDates;

import java.io.IOException;
import java.time.LocalDate;

/**
 * The rules every REST request body keeps without a service annotating for them: no string holds a control
 * character, and no {@link LocalDate} lies outside {@link InputDates}' range. Each is checked as Jackson reads the
 * value, so the refusal names the field's path. Only the REST layer's mapper has this module
 * ({@link RequestBodyJson}): events on Kafka are read by the application's mapper, whose input the platform wrote.
 */
public final class RequestBodyRules {

    static final String NO_CONTROL_CHARACTERS = "must not contain control characters";

    private RequestBodyRules() {
    }

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("trials-request-body-rules");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class || type == LocalDate.class) {
                    return new Checked(deserializer);
                }
                return deserializer;
            }

            @Override
            public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
                                                         KeyDeserializer deserializer) {
                return type.getRawClass() == String.class ? new CheckedKey(deserializer) : deserializer;
            }
        });
        return module;
    }

    /** Reads the value as before, then refuses one that breaks a rule. */
    private static final class Checked extends DelegatingDeserializer {

        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (value instanceof String text && ControlCharacters.appearIn(text)) {
                throw new RefusedJsonValue(parser, NO_CONTROL_CHARACTERS);
            }
            if (value instanceof LocalDate date && !InputDates.inRange(date)) {
                throw new RefusedJsonValue(parser, InputDates.RANGE_RULE);
            }
            return value;
        }
    }

    /** A map's keys are caller text too. */
    private static final class CheckedKey extends KeyDeserializer {

        private final KeyDeserializer delegate;

        CheckedKey(KeyDeserializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (ControlCharacters.appearIn(key)) {
                throw new RefusedJsonValue(context.getParser(), NO_CONTROL_CHARACTERS);
            }
            return delegate.deserializeKey(key, context);
        }
    }
}
