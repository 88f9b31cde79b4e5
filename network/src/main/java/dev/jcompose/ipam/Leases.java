package dev.jcompose.ipam;

import java.util.Map;

/** Pure address choice inside one network: static requests are checked, dynamic ones take the lowest free. */
public final class Leases {
    private Leases() {}

    /**
     * @param subnet  the network's subnet
     * @param range   where dynamic addresses come from (ip_range), or null for the whole subnet
     * @param gateway never handed out
     * @param leased  address -> owner, already taken
     * @param wanted  a static ipv4_address, or null
     */
    public static Ipv4 choose(
            String network, Subnet subnet, Subnet range, Ipv4 gateway, Map<Ipv4, String> leased, Ipv4 wanted) {
        if (wanted != null) {
            if (!subnet.contains(wanted)
                    || wanted.equals(subnet.network())
                    || wanted.equals(subnet.broadcast())
                    || wanted.equals(gateway)) {
                throw new IpamException(
                        "ipv4_address " + wanted + " is not a usable address of network " + network + " (" + subnet
                                + ", gateway " + gateway + ")",
                        "pick an address inside " + subnet
                                + " other than the network, broadcast and gateway addresses");
            }
            if (leased.containsKey(wanted)) {
                throw new IpamException(
                        "ipv4_address " + wanted + " on network " + network + " is already used by "
                                + leased.get(wanted),
                        "give each container its own address");
            }
            return wanted;
        }
        Subnet from = range == null ? subnet : range;
        for (long i = 0; i < from.size(); i++) {
            Ipv4 ip = from.host(i);
            if (subnet.contains(ip)
                    && !ip.equals(subnet.network())
                    && !ip.equals(subnet.broadcast())
                    && !ip.equals(gateway)
                    && !leased.containsKey(ip)) {
                return ip;
            }
        }
        throw new IpamException(
                "network " + network + " has no free address left in " + from,
                "use a larger subnet or ip_range, or remove unused containers");
    }
}
