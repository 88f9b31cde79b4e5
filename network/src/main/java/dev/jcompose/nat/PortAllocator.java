package dev.jcompose.nat;

import dev.jcompose.ipam.Ipv4;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Chooses host ports for an endpoint's requests. Callers hold the network state lock, so ports
 * already in the state are seen; the probe catches listeners jcompose does not own. Everything is
 * checked before anything is applied: a conflict fails the whole request.
 *
 * @param firstEphemeral lowest port handed out for "container port only" requests (docker: 49153)
 * @param lastEphemeral  highest such port
 */
public record PortAllocator(PortProbe probe, int firstEphemeral, int lastEphemeral) {
    public static PortAllocator withProbe(PortProbe probe) {
        return new PortAllocator(probe, 49153, 65535);
    }

    public List<PublishedPort> allocate(
            String endpoint, Ipv4 containerIp, List<PortRequest> requests, Collection<PublishedPort> taken) {
        List<PublishedPort> chosen = new ArrayList<>(taken);
        List<PublishedPort> out = new ArrayList<>();
        for (PortRequest r : requests) {
            for (int i = 0; i <= r.containerEnd() - r.containerStart(); i++) {
                int cport = r.containerStart() + i;
                int hport = r.hostStart() == 0
                        ? pickFree(r, r.protocol(), firstEphemeral, lastEphemeral, chosen)
                        : r.anyOfRange()
                                ? pickFree(r, r.protocol(), r.hostStart(), r.hostEnd(), chosen)
                                : r.hostStart() + i;
                if (r.hostStart() != 0 && !r.anyOfRange()) {
                    check(endpoint, r, hport, chosen);
                }
                PublishedPort p = new PublishedPort(endpoint, r.protocol(), r.hostIp(), hport, containerIp, cport);
                chosen.add(p);
                out.add(p);
            }
        }
        return out;
    }

    private void check(String endpoint, PortRequest r, int port, List<PublishedPort> chosen) {
        for (PublishedPort p : chosen) {
            if (clash(p, r.protocol(), r.hostIp(), port)) {
                throw new NatException(
                        "cannot publish " + where(r, port) + " for " + endpoint + ": already published by "
                                + p.endpoint(),
                        "choose another host port or stop " + p.endpoint());
            }
        }
        if (!probe.free(r.protocol(), r.hostIp(), port)) {
            throw new NatException(
                    "cannot publish " + where(r, port) + " for " + endpoint
                            + ": the port is already in use on the host",
                    "stop the program listening there or choose another host port");
        }
    }

    private int pickFree(PortRequest r, String protocol, int first, int last, List<PublishedPort> chosen) {
        for (int port = first; port <= last; port++) {
            final int p = port;
            if (chosen.stream().noneMatch(c -> clash(c, protocol, r.hostIp(), p))
                    && probe.free(protocol, r.hostIp(), p)) {
                return port;
            }
        }
        throw new NatException(
                "no free host port in " + first + "-" + last + " for " + r.display(),
                r.hostStart() == 0
                        ? "free some ports or publish on an explicit host port"
                        : "widen the host port range or free some of its ports");
    }

    private static boolean clash(PublishedPort p, String protocol, Ipv4 hostIp, int port) {
        return p.protocol().equals(protocol)
                && p.hostPort() == port
                && (p.hostIp() == null || hostIp == null || p.hostIp().equals(hostIp));
    }

    private static String where(PortRequest r, int port) {
        return (r.hostIp() == null ? "0.0.0.0" : r.hostIp().toString()) + ":" + port + "/" + r.protocol();
    }
}
