package dev.jcompose.stack;

import dev.jcompose.ipam.Ipv4;
import dev.jcompose.model.ServicePort;
import dev.jcompose.nat.NatException;
import dev.jcompose.nat.PortRequest;

/**
 * A service's {@code ports:} entry as the network layer's {@link PortRequest}, field by field. The
 * loader has already validated the entry and expanded container port ranges into one entry per port,
 * so only {@code published} can still be a range ({@code "8000-8001"}), facing a single target: one
 * free port of that range is taken.
 */
final class ServicePorts {
    private ServicePorts() {}

    static PortRequest request(ServicePort p) {
        String protocol = p.protocol() == null || p.protocol().isEmpty() ? "tcp" : p.protocol();
        int target = (int) p.target();
        Ipv4 hostIp = hostIp(p, protocol);
        if (p.published() == null || p.published().isEmpty()) {
            return new PortRequest(protocol, hostIp, 0, 0, target, target);
        }
        int dash = p.published().indexOf('-');
        int hostStart =
                Integer.parseInt(dash < 0 ? p.published() : p.published().substring(0, dash));
        int hostEnd = dash < 0 ? hostStart : Integer.parseInt(p.published().substring(dash + 1));
        // host port 0 asks for a free port, as an empty one does; a host range facing the one target
        // port asks for any free port of the range (each replica of a scaled service gets its own)
        return new PortRequest(protocol, hostIp, hostStart, hostEnd, target, target);
    }

    /** All addresses ({@code null}) unless an IPv4 address other than 0.0.0.0 is given. */
    private static Ipv4 hostIp(ServicePort p, String protocol) {
        String ip = p.hostIp() == null ? "" : p.hostIp();
        if (ip.isEmpty() || ip.equals("0.0.0.0")) {
            return null;
        }
        if (ip.contains(":")) {
            throw new NatException(
                    "cannot publish " + text(p, protocol) + ": IPv6 host addresses are not supported yet",
                    "publish on an IPv4 address or on all addresses");
        }
        return Ipv4.parse(ip);
    }

    /** The entry in compose's short syntax, for messages only. */
    private static String text(ServicePort p, String protocol) {
        String ip = p.hostIp() == null || p.hostIp().isEmpty()
                ? ""
                : (p.hostIp().contains(":") ? "[" + p.hostIp() + "]" : p.hostIp()) + ":";
        String host = p.published() == null || p.published().isEmpty() ? "" : p.published() + ":";
        return ip + (ip.isEmpty() || !host.isEmpty() ? host : ":") + p.target() + "/" + protocol;
    }
}
