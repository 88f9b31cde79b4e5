package dev.jcompose.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.api.ContainerEvent;
import dev.jcompose.api.LogRecord;
import dev.jcompose.api.StackEvent;
import dev.jcompose.model.ModelJson;
import dev.jcompose.model.Project;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.util.Arrays;
import java.util.Optional;

/**
 * The records of {@link dev.jcompose.api.ComposeService} as JSON. Options and results are plain
 * records (Jackson binds them through their canonical constructors, so their validation runs on
 * the engine side too); the project travels as its canonical JSON ({@link ModelJson#fullTree}), as
 * a tree in the frame, so it is serialised and parsed once. Streamed events carry a {@code kind}:
 * {@code stack} for progress, {@code log} for a log line ({@code waiting} comes from the engine's
 * project queue).
 */
final class WireJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(states())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WireJson() {}

    /**
     * Container states and health as docker spells them ({@code running}; {@code healthy}, empty for
     * no health check), the words engines before the shared types sent. An unknown state (a newer
     * engine's) reads as dead: not running, not restartable; an unknown health as none.
     */
    private static SimpleModule states() {
        return new SimpleModule("container-states")
                .addSerializer(ContainerState.class, new ToStringSerializerBase(ContainerState.class) {
                    @Override
                    public String valueToString(Object value) {
                        return ((ContainerState) value).text();
                    }
                })
                .addSerializer(Health.class, new ToStringSerializerBase(Health.class) {
                    @Override
                    public String valueToString(Object value) {
                        return ((Health) value).shown();
                    }
                })
                .addDeserializer(ContainerState.class, new FromStringDeserializer<>(ContainerState.class) {
                    @Override
                    protected ContainerState _deserialize(String text, DeserializationContext ctx) {
                        return Arrays.stream(ContainerState.values())
                                .filter(s -> s.text().equals(text))
                                .findFirst()
                                .orElse(ContainerState.DEAD);
                    }
                })
                .addDeserializer(Health.class, new FromStringDeserializer<>(Health.class) {
                    @Override
                    protected Health _deserialize(String text, DeserializationContext ctx) {
                        return Arrays.stream(Health.values())
                                .filter(h -> h.shown().equals(text))
                                .findFirst()
                                .orElse(Health.NONE);
                    }
                });
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static <T> T read(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new JcomposeException(
                    "malformed " + type.getSimpleName() + " on the engine socket: " + e.getMessage(),
                    "the CLI and the engine differ; stop the engine and retry",
                    ExitCode.FAILURE,
                    e);
        }
    }

    /** The project as the tree of its canonical JSON, set into the frame as it is (no JSON text inside JSON). */
    static JsonNode model(Project project) {
        return ModelJson.fullTree(project);
    }

    static Optional<Project> model(JsonNode params) {
        JsonNode tree = params.get("model");
        return tree == null || tree.isNull() ? Optional.empty() : Optional.of(ModelJson.read(tree));
    }

    static JsonNode event(StackEvent event) {
        ObjectNode node = MAPPER.valueToTree(event);
        node.put("kind", "stack");
        node.put("resource", event.kind());
        return node;
    }

    static JsonNode event(LogRecord record) {
        ObjectNode node = MAPPER.valueToTree(record);
        node.put("kind", "log");
        return node;
    }

    static JsonNode event(ContainerEvent event) {
        ObjectNode node = MAPPER.valueToTree(event);
        node.put("kind", "container-event");
        return node;
    }

    /** The engine listens for container events: {@code events} callers may read the state now. */
    enum Marker {
        SUBSCRIBED
    }

    static JsonNode subscribed() {
        return object().put("kind", "subscribed");
    }

    /** A streamed event back into its record: a StackEvent, a LogRecord, or the queue's message. */
    static Object fromEvent(JsonNode node) {
        return switch (node.path("kind").asText()) {
            case "stack" ->
                new StackEvent(
                        node.path("resource").asText(),
                        node.path("name").asText(),
                        node.path("status").asText(),
                        node.path("detail").asText(),
                        node.path("project").asText());
            case "log" -> read(node, LogRecord.class);
            case "container-event" -> read(((ObjectNode) node.deepCopy()).without("kind"), ContainerEvent.class);
            case "subscribed" -> Marker.SUBSCRIBED;
            default -> node.path("message").asText(node.toString());
        };
    }
}
