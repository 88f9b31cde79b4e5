package dev.jcompose.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;

/**
 * Frames to and from single JSON lines. Encoding writes fields in a fixed order and never a raw
 * newline (JSON escapes it inside strings), so one frame is always exactly one line.
 */
public final class FrameCodec {
    /** Bumped on any incompatible change; checked by the {@code hello} handshake. */
    public static final int PROTOCOL_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FrameCodec() {}

    /** The frame as one JSON line, without the trailing newline. */
    public static String encode(Frame frame) {
        ObjectNode line = NODES.objectNode();
        line.put("id", frame.id());
        switch (frame) {
            case Frame.Call call -> {
                line.put("method", call.method());
                line.set("params", call.params());
            }
            case Frame.Cancel cancel -> line.put("cancel", true);
            case Frame.Event event -> line.set("event", event.event());
            case Frame.Result result -> line.set("result", result.result());
            case Frame.Failure failure -> {
                ObjectNode error = line.putObject("error");
                error.put("message", failure.message());
                if (failure.hint() != null) {
                    error.put("hint", failure.hint());
                }
                error.put("exitCode", failure.exitCode());
            }
        }
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** Parses one line; a line that is not a frame fails with what is wrong with it. */
    public static Frame decode(String text) {
        JsonNode line;
        try {
            line = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed("not JSON (" + e.getOriginalMessage() + ")", text);
        }
        if (line == null || !line.isObject()) {
            throw malformed("not a JSON object", text);
        }
        JsonNode id = line.get("id");
        if (id == null || !id.canConvertToLong() || !id.isIntegralNumber()) {
            throw malformed("no integer \"id\"", text);
        }
        return decode(id.asLong(), line, text);
    }

    private static Frame decode(long id, JsonNode line, String text) {
        if (line.has("method")) {
            JsonNode method = line.get("method");
            if (!method.isTextual() || method.asText().isEmpty()) {
                throw malformed("\"method\" is not a non-empty string", text);
            }
            JsonNode params = line.get("params");
            return new Frame.Call(id, method.asText(), params == null || params.isNull() ? NODES.objectNode() : params);
        }
        if (line.has("cancel")) {
            return new Frame.Cancel(id);
        }
        if (line.has("event")) {
            return new Frame.Event(id, line.get("event"));
        }
        if (line.has("result")) {
            return new Frame.Result(id, line.get("result"));
        }
        if (line.has("error")) {
            JsonNode error = line.get("error");
            JsonNode message = error.get("message");
            if (message == null || !message.isTextual()) {
                throw malformed("\"error\" has no string \"message\"", text);
            }
            JsonNode hint = error.get("hint");
            return new Frame.Failure(
                    id,
                    message.asText(),
                    hint == null || hint.isNull() ? null : hint.asText(),
                    error.path("exitCode").asInt(ExitCode.FAILURE));
        }
        throw malformed("none of method, cancel, event, result, error", text);
    }

    private static JcomposeException malformed(String problem, String text) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return new JcomposeException(
                "malformed engine protocol line: " + problem + ": " + shown,
                "the CLI and the engine disagree on the protocol; stop the engine and run the command again",
                ExitCode.FAILURE);
    }

    /** An empty JSON object, for calls without parameters and results without content. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }
}
