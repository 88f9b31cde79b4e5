package dev.jcompose.endpoint;

import dev.jcompose.ipam.Ipv4;
import dev.jcompose.ipam.Subnet;
import java.util.List;

/**
 * Pure: the {@code ip -batch} scripts that wire one endpoint: {@code host} runs in the host
 * namespace (veth pairs with the inner end created directly in the container namespace, host end
 * on the bridge), {@code inside} runs in the container namespace (lo, addresses, default route).
 */
public record LinkPlan(String host, String inside) {

    /** One interface to wire. */
    public record Wire(String hostVeth, String ifName, String bridge, int mtu, Ipv4 ip, Subnet subnet, String mac) {}

    /**
     * @param gateway default route (the first non-internal network's gateway), or null for none
     */
    public static LinkPlan of(String netns, List<Wire> wires, Ipv4 gateway) {
        StringBuilder host = new StringBuilder();
        StringBuilder in = new StringBuilder("link set lo up\n");
        for (Wire w : wires) {
            host.append("link add name ")
                    .append(w.hostVeth())
                    .append(" mtu ")
                    .append(w.mtu())
                    .append(" type veth peer name ")
                    .append(w.ifName())
                    .append(" mtu ")
                    .append(w.mtu())
                    .append(" address ")
                    .append(w.mac())
                    .append(" netns ")
                    .append(netns)
                    .append('\n');
            host.append("link set ")
                    .append(w.hostVeth())
                    .append(" master ")
                    .append(w.bridge())
                    .append(" up\n");
            in.append("addr add ")
                    .append(w.ip())
                    .append('/')
                    .append(w.subnet().prefix())
                    .append(" dev ")
                    .append(w.ifName())
                    .append('\n');
            in.append("link set ").append(w.ifName()).append(" up\n");
        }
        if (gateway != null) {
            in.append("route add default via ").append(gateway).append('\n');
        }
        return new LinkPlan(host.toString(), in.toString());
    }
}
