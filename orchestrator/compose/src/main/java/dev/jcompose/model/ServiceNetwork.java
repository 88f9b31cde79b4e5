package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.SortedMap;

/** How a service attaches to one network. A service's map holds {@code null} for "defaults". */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({
    "aliases",
    "driver_opts",
    "gw_priority",
    "interface_name",
    "ipv4_address",
    "ipv6_address",
    "link_local_ips",
    "mac_address",
    "priority"
})
public record ServiceNetwork(
        List<String> aliases,
        SortedMap<String, String> driverOpts,
        @JsonInclude(Include.NON_DEFAULT) int gwPriority,
        String interfaceName,
        String ipv4Address,
        String ipv6Address,
        List<String> linkLocalIps,
        String macAddress,
        @JsonInclude(Include.NON_DEFAULT) int priority) {
    public ServiceNetwork {
        aliases = Copies.list(aliases);
        driverOpts = Copies.map(driverOpts);
        linkLocalIps = Copies.list(linkLocalIps);
    }
}
