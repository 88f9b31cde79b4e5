package dev.jcompose.ipam;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An IPv4 address as its 32-bit value; ordered numerically. */
public record Ipv4(int bits) implements Comparable<Ipv4> {

    /** Parses dotted-quad text; throws {@link IpamException} on anything else. */
    @JsonCreator
    public static Ipv4 parse(String text) {
        String[] p = text.strip().split("\\.", -1);
        if (p.length != 4) {
            throw new IpamException(
                    "invalid IPv4 address '" + text + "'", "write it as four numbers 0-255, e.g. 172.20.0.5");
        }
        int v = 0;
        for (String part : p) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                throw new IpamException(
                        "invalid IPv4 address '" + text + "'", "write it as four numbers 0-255, e.g. 172.20.0.5");
            }
            v = (v << 8) | Integer.parseInt(part);
        }
        return new Ipv4(v);
    }

    public long unsigned() {
        return Integer.toUnsignedLong(bits);
    }

    public Ipv4 plus(long n) {
        return new Ipv4((int) (unsigned() + n));
    }

    public boolean isLoopback() {
        return (bits >>> 24) == 127;
    }

    @Override
    public int compareTo(Ipv4 o) {
        return Integer.compareUnsigned(bits, o.bits);
    }

    @JsonValue
    @Override
    public String toString() {
        return (bits >>> 24) + "." + ((bits >>> 16) & 255) + "." + ((bits >>> 8) & 255) + "." + (bits & 255);
    }
}
