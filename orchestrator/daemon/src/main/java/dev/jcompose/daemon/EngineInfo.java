package dev.jcompose.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the engine tells a client in the {@code hello} handshake: its protocol, pid, version, build
 * ({@link BuildIdentity}) and how many other calls it is serving ({@code busy}), so that a CLI of
 * another build knows whether it may replace it. An engine older than the build check reports
 * neither: build {@code unknown}, busy {@link #BUSY_UNKNOWN}.
 */
public record EngineInfo(int protocol, long pid, String version, String build, int busy) {
    public static final int BUSY_UNKNOWN = -1;
    static final String BUILD_UNKNOWN = "unknown";

    public EngineInfo(int protocol, long pid, String version) {
        this(protocol, pid, version, BUILD_UNKNOWN, BUSY_UNKNOWN);
    }

    /** This process, speaking this build's protocol, serving nothing. */
    public static EngineInfo current() {
        BuildIdentity build = BuildIdentity.current();
        return new EngineInfo(
                FrameCodec.PROTOCOL_VERSION, ProcessHandle.current().pid(), build.version(), build.build(), 0);
    }

    /** The same engine, serving {@code calls} calls besides the one asking. */
    public EngineInfo serving(int calls) {
        return new EngineInfo(protocol, pid, version, build, calls);
    }

    /** Whether this engine is exactly {@code other}'s build speaking its protocol. */
    public boolean sameBuildAs(EngineInfo other) {
        return protocol == other.protocol && build.equals(other.build);
    }

    public ObjectNode toJson() {
        ObjectNode json = FrameCodec.object();
        json.put("protocol", protocol);
        json.put("pid", pid);
        json.put("version", version);
        json.put("build", build);
        json.put("busy", busy);
        return json;
    }

    public static EngineInfo fromJson(JsonNode json) {
        return new EngineInfo(
                json.path("protocol").asInt(-1),
                json.path("pid").asLong(-1),
                json.path("version").asText("unknown"),
                json.path("build").asText(BUILD_UNKNOWN),
                json.path("busy").asInt(BUSY_UNKNOWN));
    }
}
