package eu.enclave.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses, when a JSON body is read, text that PostgreSQL cannot store as sent: a NUL character (which it
 * rejects, so the request failed with 500) or half of a surrogate pair (which the driver silently replaced
 * with '?'). The refusal names the field, like any other unreadable value.
 */
public class StorableTextModule extends SimpleModule {

    public StorableTextModule() {
        super("enclave-storable-text");
        addDeserializer(String.class, new StorableTextDeserializer());
    }

    static final class StorableTextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = super.deserialize(p, ctxt);
            if (value != null && !isStorable(value)) {
                return (String) ctxt.handleWeirdStringValue(String.class, value,
                        "contains a NUL character or an unpaired surrogate");
            }
            return value;
        }
    }

    static boolean isStorable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
