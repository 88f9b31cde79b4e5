package dev.jcompose.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;

/**
 * Byte sizes as compose-go writes them: a count of bytes in a JSON string ({@code "536870912"}).
 * The records hold plain {@code long}s; the normaliser already converted {@code 512m} and friends.
 */
public final class ByteSizeJson {
    private ByteSizeJson() {}

    /** Writes a byte count as a decimal string. */
    public static final class Serializer extends StdScalarSerializer<Long> {
        public Serializer() {
            super(Long.class);
        }

        @Override
        public void serialize(Long value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(Long.toString(value));
        }
    }

    /** Reads a byte count from a decimal string or a JSON integer. */
    public static final class Deserializer extends StdScalarDeserializer<Long> {
        public Deserializer() {
            super(Long.class);
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return p.getLongValue();
            }
            String text = p.getValueAsString();
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return (Long) ctxt.handleWeirdStringValue(Long.class, text, "not a byte count in bytes");
            }
        }

        @Override
        public Long getNullValue(DeserializationContext ctxt) {
            return 0L;
        }
    }
}
