package dev.jcompose.endpoint;

import dev.jcompose.ipam.Ipv4;

/** Docker-style MAC addresses: 02:42 followed by the four bytes of the IPv4 address. */
public final class MacAddresses {
    private MacAddresses() {}

    public static String fromIp(Ipv4 ip) {
        int b = ip.bits();
        return String.format("02:42:%02x:%02x:%02x:%02x", (b >>> 24) & 255, (b >>> 16) & 255, (b >>> 8) & 255, b & 255);
    }

    /** Lower-cases a configured MAC, rejecting malformed and multicast ones. */
    public static String checked(String mac) {
        String m = mac.strip().toLowerCase(java.util.Locale.ROOT);
        if (!m.matches("([0-9a-f]{2}:){5}[0-9a-f]{2}") || (Integer.parseInt(m.substring(0, 2), 16) & 1) != 0) {
            throw new EndpointException(
                    "invalid mac_address '" + mac + "'",
                    "use six hex bytes with a unicast first byte, e.g. 02:42:ac:11:00:02");
        }
        return m;
    }
}
