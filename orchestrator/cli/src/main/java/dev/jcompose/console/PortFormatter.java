package dev.jcompose.console;

import java.util.List;
import java.util.Optional;

/** {@code port SERVICE PRIVATE_PORT}: prints the host address and port, e.g. {@code 0.0.0.0:8080}. */
public final class PortFormatter {
    private PortFormatter() {}

    /** The first publisher of {@code targetPort}/{@code protocol} that is published, if any. */
    public static Optional<String> published(List<PortPublisher> publishers, int targetPort, String protocol) {
        return publishers.stream()
                .filter(p -> p.targetPort() == targetPort && p.protocol().equals(protocol) && p.publishedPort() > 0)
                .findFirst()
                .map(p -> Ports.hostPort(p.url().isEmpty() ? "0.0.0.0" : p.url(), String.valueOf(p.publishedPort())));
    }
}
