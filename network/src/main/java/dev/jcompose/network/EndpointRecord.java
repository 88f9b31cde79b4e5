package dev.jcompose.network;

import dev.jcompose.nat.PublishedPort;
import java.util.List;

/**
 * An endpoint in the state file.
 *
 * @param mode   bridge, none, host or shared
 * @param netns  the bind-mounted namespace file (null for host mode); for shared mode the other's
 * @param ownsNetns false when the namespace belongs to another endpoint (shared) or the host
 * @param owner  the process that last changed its phase (see {@link ProcessOwner})
 */
public record EndpointRecord(String id, String mode, String netns, boolean ownsNetns, List<LinkRecord> links,
                             List<PublishedPort> ports, Phase phase, String owner) {
    public EndpointRecord {
        links = List.copyOf(links);
        ports = List.copyOf(ports);
    }

    public EndpointRecord withPhase(Phase p) {
        return new EndpointRecord(id, mode, netns, ownsNetns, links, ports, p, ProcessOwner.self());
    }
}
