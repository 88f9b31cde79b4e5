package dev.jcompose.endpoint;

import dev.jcompose.ipam.Ipv4;
import java.util.List;

/** A service's entry under {@code networks:}: which network, in which order, with which names and address. */
public record AttachmentRequest(
        String network, int priority, List<String> aliases, Ipv4 ipv4Address, String macAddress) {
    public AttachmentRequest {
        aliases = List.copyOf(aliases);
    }

    public static AttachmentRequest of(String network, String... aliases) {
        return new AttachmentRequest(network, 0, List.of(aliases), null, null);
    }
}
