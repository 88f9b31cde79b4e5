package dev.jcompose.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;

/** File modes of secret and config mounts: compose-go writes them as octal strings ({@code "0440"}). */
public final class FileMode {
    private FileMode() {}

    public static String format(int mode) {
        return "0" + Integer.toOctalString(mode);
    }

    /** Writes a mode as an octal string with a leading zero. */
    public static final class Serializer extends StdScalarSerializer<Integer> {
        public Serializer() {
            super(Integer.class);
        }

        @Override
        public void serialize(Integer value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }

    /** Reads a mode from an octal string or a JSON integer. */
    public static final class Deserializer extends StdScalarDeserializer<Integer> {
        public Deserializer() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return p.getIntValue();
            }
            String text = p.getValueAsString();
            try {
                return Integer.parseInt(text, 8);
            } catch (NumberFormatException e) {
                return (Integer) ctxt.handleWeirdStringValue(Integer.class, text, "not an octal file mode");
            }
        }
    }
}
