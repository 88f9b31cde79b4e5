package dev.jcompose.endpoint;

import dev.jcompose.ipam.Ipv4;
import java.util.List;

/**
 * A service's entry under {@code networks:}: which network, in which order, with which names and
 * address; {@code macAddress} and {@code interfaceName} (the interface's name inside the container)
 * are null for the defaults (derived from the address, {@code eth<n>}).
 */
public record AttachmentRequest(
        String network, int priority, List<String> aliases, Ipv4 ipv4Address, String macAddress, String interfaceName) {
    public AttachmentRequest {
        aliases = List.copyOf(aliases);
        if (interfaceName != null && !interfaceName.matches("[A-Za-z0-9_.-]{1,15}")) {
            throw new EndpointException(
                    "invalid interface_name '" + interfaceName + "' for network " + network,
                    "use 1 to 15 letters, digits, '_', '.' or '-'");
        }
    }

    public AttachmentRequest(String network, int priority, List<String> aliases, Ipv4 ipv4Address, String macAddress) {
        this(network, priority, aliases, ipv4Address, macAddress, null);
    }

    public static AttachmentRequest of(String network, String... aliases) {
        return new AttachmentRequest(network, 0, List.of(aliases), null, null);
    }

    /** The same request with {@code mac} as its MAC address. */
    public AttachmentRequest withMacAddress(String mac) {
        return new AttachmentRequest(network, priority, aliases, ipv4Address, mac, interfaceName);
    }
}
