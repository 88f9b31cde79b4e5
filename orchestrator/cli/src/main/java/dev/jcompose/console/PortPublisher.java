package dev.jcompose.console;

/**
 * One port of a container, as compose's {@code ps --format json} names it.
 *
 * @param url           the host address it is published on, or empty when not published
 * @param publishedPort the host port, 0 when not published
 */
public record PortPublisher(String url, int targetPort, int publishedPort, String protocol) {
    public PortPublisher {
        url = url == null ? "" : url;
        protocol = protocol == null || protocol.isEmpty() ? "tcp" : protocol;
    }

    public static PortPublisher exposed(int targetPort, String protocol) {
        return new PortPublisher("", targetPort, 0, protocol);
    }
}
