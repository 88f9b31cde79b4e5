package dev.jcompose.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import dev.jcompose.quantity.GoDuration;
import java.io.IOException;
import java.time.Duration;

/** Jackson (de)serialisation of {@link Duration}s as Go duration text ({@code "1m30s"}), as compose-go writes them. */
public final class DurationJson {
    private DurationJson() {}

    /** Writes a {@link Duration} as Go duration text. */
    public static final class Serializer extends StdScalarSerializer<Duration> {
        public Serializer() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(GoDuration.format(value));
        }
    }

    /** Reads Go duration text into a {@link Duration}. */
    public static final class Deserializer extends StdScalarDeserializer<Duration> {
        public Deserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                return GoDuration.parse(p.getValueAsString());
            } catch (IllegalArgumentException e) {
                return (Duration) ctxt.handleWeirdStringValue(Duration.class, p.getText(), e.getMessage());
            }
        }
    }
}
