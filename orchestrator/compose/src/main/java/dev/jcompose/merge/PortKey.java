package dev.jcompose.merge;

import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;

/**
 * The identity of a port mapping, {@code host_ip:published:target/protocol}, computed alike from
 * the short syntax ({@code "127.0.0.1:8080:80/udp"}, {@code 80}) and the long syntax (a mapping), so
 * an override written in one form replaces a base written in the other. A missing host IP counts as
 * {@code 0.0.0.0} and a missing protocol as {@code tcp}, as compose does.
 */
record PortKey(String hostIp, String published, String target, String protocol) {

    /** The key text, or {@code null} for a malformed entry (left to the normaliser to report). */
    static String of(Node entry) {
        PortKey key = switch (entry) {
            case MapNode m -> fromMapping(m);
            case ScalarNode s when !s.isNull() -> fromShort(s.text());
            default -> null;
        };
        return key == null ? null : key.toString();
    }

    private static PortKey fromMapping(MapNode m) {
        String target = text(m, "target");
        if (target == null) {
            return null;
        }
        return new PortKey(text(m, "host_ip"), text(m, "published"), target, text(m, "protocol"));
    }

    static PortKey fromShort(String spec) {
        String s = spec.trim();
        String protocol = null;
        int slash = s.lastIndexOf('/');
        if (slash >= 0) {
            protocol = s.substring(slash + 1);
            s = s.substring(0, slash);
        }
        String ip = null;
        if (s.startsWith("[")) {
            int close = s.indexOf("]:");
            if (close < 0) {
                return null;
            }
            ip = s.substring(1, close);
            s = s.substring(close + 2);
        }
        String[] parts = s.split(":", -1);
        return switch (parts.length) {
            case 1 -> new PortKey(ip, null, parts[0], protocol);
            case 2 -> new PortKey(ip, parts[0], parts[1], protocol);
            default -> {
                // ip:published:target; an unbracketed IPv6 address keeps its own colons
                int n = parts.length;
                String host = ip != null
                        ? null
                        : s.substring(0, s.length() - parts[n - 1].length() - parts[n - 2].length() - 2);
                yield ip != null ? null : new PortKey(host, parts[n - 2], parts[n - 1], protocol);
            }
        };
    }

    private static String text(MapNode m, String key) {
        return m.get(key).map(SequenceKeys::text).orElse(null);
    }

    @Override
    public String toString() {
        String ip = hostIp == null || hostIp.isEmpty() ? "0.0.0.0" : hostIp;
        String proto = protocol == null || protocol.isEmpty() ? "tcp" : protocol;
        return ip + ":" + (published == null ? "" : published) + ":" + target + "/" + proto;
    }
}
