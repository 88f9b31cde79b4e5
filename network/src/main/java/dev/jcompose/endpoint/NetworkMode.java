package dev.jcompose.endpoint;

/** A service's {@code network_mode}. */
public sealed interface NetworkMode {
    /** The default: a namespace of its own with one veth per compose network. */
    record Bridge() implements NetworkMode {}

    /** The host's namespace: no isolation, nothing to create. */
    record Host() implements NetworkMode {}

    /** A namespace of its own with only {@code lo}. */
    record None() implements NetworkMode {}

    /** {@code service:x} / {@code container:x}: join the namespace of another endpoint (its id). */
    record Shared(String endpoint) implements NetworkMode {}

    /** Parses compose's value ({@code bridge} or absent means the default). */
    static NetworkMode parse(String value, java.util.function.UnaryOperator<String> endpointOfService) {
        if (value == null || value.equals("bridge") || value.isEmpty()) {
            return new Bridge();
        }
        if (value.equals("host")) {
            return new Host();
        }
        if (value.equals("none")) {
            return new None();
        }
        if (value.startsWith("service:")) {
            return new Shared(endpointOfService.apply(value.substring(8)));
        }
        if (value.startsWith("container:")) {
            return new Shared(value.substring(10));
        }
        throw new EndpointException(
                "unsupported network_mode '" + value + "'",
                "use bridge, host, none, service:<name> or container:<name>");
    }
}
