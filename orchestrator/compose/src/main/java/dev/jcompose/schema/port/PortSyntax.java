package dev.jcompose.schema.port;

import dev.jcompose.schema.Canonical;
import dev.jcompose.schema.Expect;
import dev.jcompose.schema.KeySet;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code ports} entries in both syntaxes, to compose-go's {@code ServicePortConfig} list. The
 * short syntax {@code [ip:][host[-host]:]container[-container][/proto]} follows docker's
 * {@code nat.ParsePortSpec}: a container range expands to one entry per port, a host range
 * facing a single container port stays a range ({@code published: "8000-8001"}).
 */
public final class PortSyntax {
    private static final KeySet LONG =
            KeySet.of("name", "target", "published", "host_ip", "protocol", "app_protocol", "mode");
    private static final List<String> ORDER =
            List.of("name", "mode", "host_ip", "target", "published", "protocol", "app_protocol");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String HINT =
            "write [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], e.g. \"127.0.0.1:8080:80/tcp\"";

    /** One published port of the short syntax. */
    public record Spec(String hostIp, int target, String published, String protocol) {}

    private PortSyntax() {}

    public static SeqNode normalize(Node value, YamlPath path) {
        SeqNode seq = Expect.seq(value, path);
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            Node item = seq.get(i);
            YamlPath p = path.index(i);
            if (item instanceof MapNode m) {
                out.add(longForm(m, p));
            } else {
                String text = Expect.text(item, p);
                for (Spec s : Expect.parse(item, p, HINT, () -> parse(text))) {
                    out.add(toNode(s, item.location()));
                }
            }
        }
        return Canonical.seq(out, value.location());
    }

    static MapNode toNode(Spec s, Location at) {
        Canonical.Obj o = new Canonical.Obj(at);
        o.put("mode", Canonical.string("ingress", at));
        if (!s.hostIp().isEmpty()) {
            o.put("host_ip", Canonical.string(s.hostIp(), at));
        }
        o.put("target", Canonical.integer(s.target(), at));
        if (!s.published().isEmpty()) {
            o.put("published", Canonical.string(s.published(), at));
        }
        o.put("protocol", Canonical.string(s.protocol(), at));
        return o.build();
    }

    private static MapNode longForm(MapNode m, YamlPath p) {
        LONG.check(m, p);
        Canonical.Obj o = new Canonical.Obj(m.location());
        Node target = m.get("target")
                .orElseThrow(
                        () -> Expect.error(m, p, "target is required", "give the container port, e.g. target: 80"));
        long t = Expect.integer(target, p.key("target"));
        if (t < 1 || t > 65535) {
            throw Expect.error(target, p.key("target"), "invalid containerPort: " + t, "use a port from 1 to 65535");
        }
        o.put("target", Canonical.integer(t, target.location()));
        m.get("published").ifPresent(v -> {
            String pub = Expect.text(v, p.key("published"));
            Expect.parse(v, p.key("published"), HINT, () -> range(pub, "hostPort"));
            o.put("published", Canonical.string(pub, v.location()));
        });
        for (String k : List.of("name", "host_ip", "app_protocol")) {
            m.get(k).ifPresent(v -> o.put(k, Canonical.string(Expect.string(v, p.key(k)), v.location())));
        }
        String protocol =
                m.get("protocol").map(v -> Expect.string(v, p.key("protocol"))).orElse("tcp");
        if (!PROTOCOLS.contains(protocol.toLowerCase(Locale.ROOT))) {
            throw Expect.error(
                    m.get("protocol").orElseThrow(),
                    p.key("protocol"),
                    "invalid proto: " + protocol,
                    "use tcp, udp or sctp");
        }
        o.put(
                "protocol",
                Canonical.string(
                        protocol.toLowerCase(Locale.ROOT),
                        m.get("protocol").map(Node::location).orElse(m.location())));
        String mode = m.get("mode").map(v -> Expect.string(v, p.key("mode"))).orElse("ingress");
        if (!mode.equals("ingress") && !mode.equals("host")) {
            throw Expect.error(
                    m.get("mode").orElseThrow(), p.key("mode"), "invalid mode: " + mode, "use ingress or host");
        }
        o.put("mode", Canonical.string(mode, m.get("mode").map(Node::location).orElse(m.location())));
        return o.ordered(ORDER);
    }

    /** Parses one short-syntax entry; throws IllegalArgumentException with docker's wording. */
    public static List<Spec> parse(String raw) {
        String[] parts = raw.split(":", -1);
        int n = parts.length;
        String container = parts[n - 1];
        String host = n >= 2 ? parts[n - 2] : "";
        String ip = n == 3 ? parts[0] : n > 3 ? String.join(":", java.util.Arrays.copyOf(parts, n - 2)) : "";
        String proto = "tcp";
        int slash = container.indexOf('/');
        if (slash >= 0) {
            String[] pp = container.split("/", -1);
            if (pp.length > 1 && !pp[1].isEmpty()) {
                proto = pp[1];
            }
            container = pp[0];
        }
        ip = checkIp(ip);
        if (container.isEmpty()) {
            throw new IllegalArgumentException("no port specified: " + raw + "<empty>");
        }
        long[] c = range(container, "containerPort");
        long[] h = host.isEmpty() ? new long[] {0, 0} : range(host, "hostPort");
        if (!host.isEmpty() && c[1] - c[0] != h[1] - h[0] && c[1] != c[0]) {
            throw new IllegalArgumentException(
                    "invalid ranges specified for container and host Ports: " + container + " and " + host);
        }
        if (!PROTOCOLS.contains(proto.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("invalid proto: " + proto);
        }
        // docker keys the expansion by "port/proto" strings and compose-go sorts those keys.
        TreeMap<String, Spec> byKey = new TreeMap<>();
        for (long i = 0; i <= c[1] - c[0]; i++) {
            String published = host.isEmpty() ? "" : Long.toString(h[0] + i);
            if (c[0] == c[1] && h[0] != h[1]) {
                published = h[0] + "-" + h[1];
            }
            int target = (int) (c[0] + i);
            byKey.put(target + "/" + proto, new Spec(ip, target, published, proto.toLowerCase(Locale.ROOT)));
        }
        return List.copyOf(byKey.values());
    }

    private static String checkIp(String ip) {
        String bare = ip;
        if (bare.startsWith("[")) {
            if (!bare.endsWith("]")) {
                throw new IllegalArgumentException("invalid IP address " + ip);
            }
            bare = bare.substring(1, bare.length() - 1);
        }
        if (bare.isEmpty()) {
            return bare;
        }
        if (IPV4.matcher(bare).matches()) {
            for (String octet : bare.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    throw new IllegalArgumentException("invalid IP address: " + bare);
                }
            }
            return bare;
        }
        if (!bare.contains(":") || !bare.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("invalid IP address: " + bare);
        }
        try {
            // A string with ':' is parsed as an IPv6 literal, never looked up as a host name.
            InetAddress.getByName(bare);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid IP address: " + bare);
        }
        return bare;
    }

    /** {@code [start, end]} of {@code 80} or {@code 80-81}; docker's error names the {@code what}. */
    static long[] range(String text, String what) {
        String[] se = text.split("-", -1);
        try {
            if (se.length == 1 || se.length == 2) {
                long start = port(se[0]);
                long end = se.length == 2 ? port(se[1]) : start;
                if (end >= start) {
                    return new long[] {start, end};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid " + what + ": " + text);
    }

    private static long port(String s) {
        if (!s.matches("\\d+")) {
            throw new NumberFormatException(s);
        }
        long v = Long.parseLong(s);
        if (v > 65535) {
            throw new NumberFormatException(s);
        }
        return v;
    }
}
