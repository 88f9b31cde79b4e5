package dev.jcompose.stack;

import dev.jcompose.endpoint.AttachmentRequest;
import dev.jcompose.endpoint.EndpointSpec;
import dev.jcompose.endpoint.NetworkMode;
import dev.jcompose.ipam.Ipv4;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceNetwork;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a service asks of the network for each of its containers, as the network layer's values: one
 * {@link AttachmentRequest} per {@code networks:} entry (aliases, address, MAC, interface name), the
 * service-level {@code mac_address} on the primary network, and {@code links:} aliases.
 */
final class ServiceAttachments {
    private ServiceAttachments() {}

    /**
     * {@code links: [db:database]} as the names only this container resolves: alias to the linked
     * service (docker's links on a user-defined network). A link without an alias adds no name: the
     * service's own name resolves already.
     */
    static Map<String, String> linkAliases(List<String> links) {
        Map<String, String> out = new TreeMap<>();
        for (String l : links) {
            int colon = l.indexOf(':');
            if (colon > 0 && colon < l.length() - 1) {
                out.put(l.substring(colon + 1), l.substring(0, colon));
            }
        }
        return out;
    }

    /**
     * The service-level {@code mac_address} goes to the primary network's interface (the first in
     * interface order), as docker does, unless that network's entry sets its own.
     */
    static void withServiceMac(List<AttachmentRequest> attachments, String mac) {
        if (mac == null || attachments.isEmpty()) {
            return;
        }
        AttachmentRequest primary = new EndpointSpec("x", List.of(), new NetworkMode.Bridge(), attachments, List.of())
                .orderedNetworks()
                .get(0);
        if (primary.macAddress() == null) {
            attachments.set(attachments.indexOf(primary), primary.withMacAddress(mac));
        }
    }

    static AttachmentRequest attachment(Project project, String key, ServiceNetwork sn) {
        if (sn == null) {
            return new AttachmentRequest(Containers.networkName(project, key), 0, List.of(), null, null);
        }
        return new AttachmentRequest(
                Containers.networkName(project, key),
                sn.priority(),
                sn.aliases(),
                sn.ipv4Address() == null || sn.ipv4Address().isEmpty() ? null : Ipv4.parse(sn.ipv4Address()),
                ServiceSpecs.emptyToNull(sn.macAddress()),
                ServiceSpecs.emptyToNull(sn.interfaceName()));
    }
}
