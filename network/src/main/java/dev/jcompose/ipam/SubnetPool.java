package dev.jcompose.ipam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Where automatic network subnets come from. The default follows Docker's: 172.17.0.0/16 through
 * 172.31.0.0/16, then 192.168.0.0/16 split into /20s, so users see the addresses they expect.
 * A candidate is skipped when it overlaps anything in use: other jcompose networks, and every
 * route and address on the host (a VPN or LAN on 172.x must keep working).
 *
 * @param candidates subnets tried in order
 */
public record SubnetPool(List<Subnet> candidates) {
    public SubnetPool {
        candidates = List.copyOf(candidates);
    }

    public static SubnetPool dockerDefault() {
        List<Subnet> c = new ArrayList<>();
        for (int b = 17; b <= 31; b++) {
            c.add(Subnet.parse("172." + b + ".0.0/16"));
        }
        c.addAll(split(Subnet.parse("192.168.0.0/16"), 20));
        return new SubnetPool(c);
    }

    /** {@code base} cut into consecutive subnets of {@code prefix}. */
    public static List<Subnet> split(Subnet base, int prefix) {
        List<Subnet> out = new ArrayList<>();
        long step = 1L << (32 - prefix);
        for (long off = 0; off < base.size(); off += step) {
            out.add(new Subnet(base.host(off), prefix));
        }
        return out;
    }

    /** The first candidate overlapping nothing in {@code used}; default routes (/0) are ignored. */
    public Subnet pick(Collection<Subnet> used) {
        for (Subnet c : candidates) {
            if (used.stream().noneMatch(u -> u.prefix() > 0 && u.overlaps(c))) {
                return c;
            }
        }
        throw new IpamException(
                "no free subnet left in the address pool (" + candidates.size()
                        + " candidates, all overlap host routes or existing networks)",
                "remove unused networks (jcompose down), or give the network an explicit ipam subnet");
    }
}
