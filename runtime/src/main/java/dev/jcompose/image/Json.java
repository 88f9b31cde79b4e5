package dev.jcompose.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** The one JSON mapper of the image package: documents are built as trees in a fixed field order, maps sorted. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private Json() {}

    /** Parses JSON, or throws an {@link ImageException} naming {@code what}. */
    static JsonNode read(byte[] data, String what) {
        try {
            JsonNode n = MAPPER.readTree(data);
            if (n == null || !n.isObject() && !n.isArray()) {
                throw new ImageException(
                        what + " is not a JSON document", "the image is corrupt; pull or load it again");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new ImageException(
                    what + " is not valid JSON: " + e.getOriginalMessage(),
                    "the image is corrupt; pull or load it again",
                    dev.jcompose.ExitCode.FAILURE,
                    e);
        } catch (IOException e) {
            throw new ImageException(
                    what + " is not valid JSON: " + e.getMessage(),
                    "the image is corrupt; pull or load it again",
                    dev.jcompose.ExitCode.FAILURE,
                    e);
        }
    }

    static byte[] write(Object tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + tree.getClass().getSimpleName(), e);
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
