package dev.jcompose.endpoint;

import dev.jcompose.nat.PortRequest;
import java.util.Comparator;
import java.util.List;

/**
 * What the engine asks for one container: its id, the DNS names it answers to on every network
 * (service name, container name, hostname), its network mode, networks and published ports.
 */
public record EndpointSpec(
        String id, List<String> names, NetworkMode mode, List<AttachmentRequest> networks, List<PortRequest> ports) {
    public EndpointSpec {
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")) {
            throw new EndpointException("invalid endpoint id '" + id + "'", "use letters, digits, '_', '.', '-'");
        }
        names = List.copyOf(names);
        networks = List.copyOf(networks);
        ports = List.copyOf(ports);
    }

    /** Networks in interface order: compose's {@code priority} (highest first), then name. */
    public List<AttachmentRequest> orderedNetworks() {
        return networks.stream()
                .sorted(Comparator.comparingInt(AttachmentRequest::priority)
                        .reversed()
                        .thenComparing(AttachmentRequest::network))
                .toList();
    }
}
