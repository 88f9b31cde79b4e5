package dev.jcompose.endpoint;

import dev.jcompose.nat.PortRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the engine asks for one container: its id, the DNS names it answers to on every network
 * (service name, container name, hostname), its network mode, networks and published ports, and its
 * {@code links:} aliases (alias to the linked service's name), which only this container resolves.
 */
public record EndpointSpec(
        String id,
        List<String> names,
        NetworkMode mode,
        List<AttachmentRequest> networks,
        List<PortRequest> ports,
        Map<String, String> links) {
    public EndpointSpec {
        links = Map.copyOf(links == null ? Map.of() : links);
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")) {
            throw new EndpointException("invalid endpoint id '" + id + "'", "use letters, digits, '_', '.', '-'");
        }
        names = List.copyOf(names);
        networks = List.copyOf(networks);
        ports = List.copyOf(ports);
    }

    /** An endpoint without {@code links:} aliases. */
    public EndpointSpec(
            String id,
            List<String> names,
            NetworkMode mode,
            List<AttachmentRequest> networks,
            List<PortRequest> ports) {
        this(id, names, mode, networks, ports, Map.of());
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
