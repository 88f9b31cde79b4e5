package dev.jcompose.ipam;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An IPv4 prefix, always normalised to its network address (172.20.0.0/16). */
public record Subnet(Ipv4 network, int prefix) implements Comparable<Subnet> {
    public Subnet {
        if (prefix < 0 || prefix > 32) {
            throw new IpamException("invalid prefix length /" + prefix, "use a prefix between /0 and /32");
        }
        network = new Ipv4(network.bits() & mask(prefix));
    }

    /** Parses {@code a.b.c.d/n}; a bare address is a /32. */
    @JsonCreator
    public static Subnet parse(String cidr) {
        String[] p = cidr.strip().split("/", -1);
        if (p.length > 2 || (p.length == 2 && !p[1].matches("\\d{1,2}"))) {
            throw new IpamException("invalid subnet '" + cidr + "'", "write it in CIDR form, e.g. 172.28.0.0/16");
        }
        return new Subnet(Ipv4.parse(p[0]), p.length == 2 ? Integer.parseInt(p[1]) : 32);
    }

    static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public Ipv4 broadcast() {
        return network.plus(size() - 1);
    }

    public boolean contains(Ipv4 ip) {
        return (ip.bits() & mask(prefix)) == network.bits();
    }

    public boolean contains(Subnet other) {
        return other.prefix >= prefix && contains(other.network);
    }

    public boolean overlaps(Subnet other) {
        return contains(other.network) || other.contains(network);
    }

    /** The n-th address of the subnet (0 = network address). */
    public Ipv4 host(long n) {
        return network.plus(n);
    }

    @Override
    public int compareTo(Subnet o) {
        int c = network.compareTo(o.network);
        return c != 0 ? c : Integer.compare(prefix, o.prefix);
    }

    @JsonValue
    @Override
    public String toString() {
        return network + "/" + prefix;
    }
}
