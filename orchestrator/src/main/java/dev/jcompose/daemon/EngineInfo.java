package dev.jcompose.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the engine tells a client in the {@code hello} handshake. */
public record EngineInfo(int protocol, long pid, String version) {
    /** This process, speaking this build's protocol. */
    public static EngineInfo current() {
        String version = EngineInfo.class.getPackage().getImplementationVersion();
        return new EngineInfo(FrameCodec.PROTOCOL_VERSION, ProcessHandle.current().pid(),
                version == null ? "dev" : version);
    }

    public ObjectNode toJson() {
        ObjectNode json = FrameCodec.object();
        json.put("protocol", protocol);
        json.put("pid", pid);
        json.put("version", version);
        return json;
    }

    public static EngineInfo fromJson(JsonNode json) {
        return new EngineInfo(json.path("protocol").asInt(-1), json.path("pid").asLong(-1),
                json.path("version").asText("unknown"));
    }
}
