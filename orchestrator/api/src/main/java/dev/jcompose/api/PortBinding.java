package dev.jcompose.api;

/**
 * One port of a container as the engine reports it: {@code containerPort/protocol}, published on
 * {@code hostIp:hostPort} ({@code 0.0.0.0} for every address). A port that is only exposed has an
 * empty host address and host port 0. The CLI's console formats it; nothing parses it back.
 */
public record PortBinding(String hostIp, int hostPort, int containerPort, String protocol) {
    public PortBinding {
        hostIp = hostIp == null ? "" : hostIp;
        protocol = protocol == null || protocol.isEmpty() ? "tcp" : protocol;
    }
}
