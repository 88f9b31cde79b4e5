package dev.jcompose.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.AnyGetterWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerBuilder;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;

/**
 * Jackson set up for the canonical model. Two writers exist because compose-go itself has two
 * views: its YAML keeps {@code x-*} extensions everywhere, while its JSON (and so its service
 * config hash) keeps them only at the top level, nested ones being tagged {@code json:"-"}.
 */
public final class ModelJson {
    private static final ObjectMapper FULL = base().build();
    private static final ObjectMapper COMPOSE =
            base().addModule(withoutNestedExtensions()).build();

    private ModelJson() {}

    private static JsonMapper.Builder base() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    private static SimpleModule withoutNestedExtensions() {
        SimpleModule module = new SimpleModule("compose-json-view");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public BeanSerializerBuilder updateBuilder(
                    SerializationConfig config, BeanDescription desc, BeanSerializerBuilder builder) {
                if (desc.getBeanClass() != Project.class) {
                    // Jackson 2.18+ lists the any-getter among the properties too (for ordering).
                    builder.setAnyGetter(null);
                    builder.setProperties(builder.getProperties().stream()
                            .filter(w -> !(w instanceof AnyGetterWriter))
                            .toList());
                }
                return builder;
            }
        });
        return module;
    }

    /** The mapper that reads canonical JSON and writes every field, extensions included. */
    public static ObjectMapper mapper() {
        return FULL;
    }

    /** Reads canonical JSON text (as {@code docker compose config --format json} prints it). */
    public static Project read(String json) {
        try {
            return FULL.readValue(json, Project.class);
        } catch (JsonProcessingException e) {
            throw notCanonical(e);
        }
    }

    /** Reads a canonical JSON tree, as {@link #fullTree} makes it (the engine's wire carries it so). */
    public static Project read(JsonNode tree) {
        try {
            return FULL.treeToValue(tree, Project.class);
        } catch (JsonProcessingException e) {
            throw notCanonical(e);
        }
    }

    private static JcomposeException notCanonical(JsonProcessingException e) {
        return new JcomposeException(
                "not a canonical compose project: " + e.getOriginalMessage(),
                "pass the output of `jcompose config --format json` or `docker compose config --format json`",
                ExitCode.COMPOSE_PARSE,
                e);
    }

    /** The project as a JSON tree with extensions at every level (the YAML view). */
    public static JsonNode fullTree(Object value) {
        return FULL.valueToTree(value);
    }

    /** The project as compose-go's JSON sees it: nested extensions left out. */
    public static JsonNode composeTree(Object value) {
        return COMPOSE.valueToTree(value);
    }

    /** Canonical JSON text with extensions at every level, formatted like Go's MarshalIndent. */
    public static String write(Project project) {
        return GoJsonWriter.pretty(fullTree(project));
    }
}
