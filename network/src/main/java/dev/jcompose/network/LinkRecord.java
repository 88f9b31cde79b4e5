package dev.jcompose.network;

import dev.jcompose.ipam.Ipv4;
import java.util.List;

/** One interface of an endpoint: eth{n} inside, {@code hostVeth} on the network's bridge. */
public record LinkRecord(String network, String ifName, String hostVeth, Ipv4 ip, String mac, List<String> dnsNames) {
    public LinkRecord {
        dnsNames = List.copyOf(dnsNames);
    }
}
