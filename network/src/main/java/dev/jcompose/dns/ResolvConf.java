package dev.jcompose.dns;

import java.util.List;

/** Pure: a container's /etc/resolv.conf. */
public final class ResolvConf {
    private ResolvConf() {}

    /**
     * @param gateway    the embedded DNS server (the first network's gateway), or null for none
     * @param dns        explicit {@code dns:} servers; when present they replace the embedded one
     * @param dnsSearch  {@code dns_search}
     * @param dnsOptions {@code dns_opt}
     */
    public static String render(String gateway, List<String> dns, List<String> dnsSearch, List<String> dnsOptions) {
        StringBuilder sb = new StringBuilder();
        List<String> servers = dns.isEmpty() ? (gateway == null ? List.of() : List.of(gateway)) : dns;
        for (String s : servers) {
            sb.append("nameserver ").append(s).append('\n');
        }
        if (!dnsSearch.isEmpty()) {
            sb.append("search ").append(String.join(" ", dnsSearch)).append('\n');
        }
        if (!dnsOptions.isEmpty()) {
            sb.append("options ").append(String.join(" ", dnsOptions)).append('\n');
        }
        return sb.toString();
    }

    /** Nameserver addresses from the host's resolv.conf text (forwarding targets). */
    public static List<String> nameservers(String resolvConf) {
        return resolvConf
                .lines()
                .map(String::strip)
                .filter(l -> l.startsWith("nameserver"))
                .map(l -> l.substring("nameserver".length()).strip())
                .filter(s -> s.matches("[0-9.]+"))
                .toList();
    }
}
