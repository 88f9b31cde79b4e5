package dev.jcompose.schema.service;

import dev.jcompose.schema.Canonical;
import dev.jcompose.schema.Expect;
import dev.jcompose.schema.KeySet;
import dev.jcompose.schema.KeyValues;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** Fields that name other things: depends_on, networks, extra_hosts, secrets, configs, devices, logging. */
final class LinkRules {
    private static final KeySet DEPENDENCY = KeySet.of("condition", "required", "restart");
    private static final Set<String> CONDITIONS =
            Set.of("service_started", "service_healthy", "service_completed_successfully");
    private static final KeySet NETWORK = KeySet.of(
            "aliases",
            "driver_opts",
            "gw_priority",
            "interface_name",
            "ipv4_address",
            "ipv6_address",
            "link_local_ips",
            "mac_address",
            "priority");
    private static final List<String> NETWORK_ORDER = List.of(
            "aliases",
            "driver_opts",
            "gw_priority",
            "interface_name",
            "ipv4_address",
            "ipv6_address",
            "link_local_ips",
            "mac_address",
            "priority");
    private static final KeySet FILE_REFERENCE = KeySet.of("source", "target", "uid", "gid", "mode");
    private static final KeySet DEVICE = KeySet.of("source", "target", "permissions");
    private static final KeySet LOGGING = KeySet.of("driver", "options");

    private LinkRules() {}

    static Node dependsOn(Node v, YamlPath p) {
        Canonical.Obj o = new Canonical.Obj(v.location());
        if (v instanceof SeqNode seq) {
            for (int i = 0; i < seq.size(); i++) {
                Node item = seq.get(i);
                String name = Expect.string(item, p.index(i));
                o.put(
                        name,
                        item.location(),
                        new Canonical.Obj(item.location())
                                .put("condition", Canonical.string("service_started", item.location()))
                                .put("required", Canonical.bool(true, item.location()))
                                .build());
            }
            return o.sorted();
        }
        MapNode m = Expect.map(v, p);
        for (MapNode.Field f : m.fields()) {
            YamlPath dp = p.key(f.key());
            MapNode dep = f.value() instanceof ScalarNode s && s.isNull()
                    ? MapNode.empty(s.location())
                    : Expect.map(f.value(), dp);
            DEPENDENCY.check(dep, dp);
            Location at = dep.location();
            Canonical.Obj d = new Canonical.Obj(at);
            String condition = dep.get("condition")
                    .map(c -> Expect.string(c, dp.key("condition")))
                    .orElse("service_started");
            if (!CONDITIONS.contains(condition)) {
                throw Expect.error(
                        dep.get("condition").orElseThrow(),
                        dp.key("condition"),
                        "invalid condition '" + condition + "'",
                        "use one of service_started, service_healthy, service_completed_successfully");
            }
            d.put(
                    "condition",
                    Canonical.string(
                            condition, dep.get("condition").map(Node::location).orElse(at)));
            dep.get("restart").ifPresent(r -> {
                if (Expect.bool(r, dp.key("restart"))) {
                    d.put("restart", Canonical.bool(true, r.location()));
                }
            });
            boolean required = dep.get("required")
                    .map(r -> Expect.bool(r, dp.key("required")))
                    .orElse(true);
            d.put(
                    "required",
                    Canonical.bool(
                            required, dep.get("required").map(Node::location).orElse(at)));
            o.put(f.key(), f.keyLocation(), d.build());
        }
        return o.sorted();
    }

    static Node networks(Node v, YamlPath p) {
        Canonical.Obj o = new Canonical.Obj(v.location());
        if (v instanceof SeqNode seq) {
            for (int i = 0; i < seq.size(); i++) {
                Node item = seq.get(i);
                o.put(Expect.string(item, p.index(i)), item.location(), Canonical.nul(item.location()));
            }
            return o.sorted();
        }
        MapNode m = Expect.map(v, p);
        for (MapNode.Field f : m.fields()) {
            YamlPath np = p.key(f.key());
            if (f.value() instanceof ScalarNode s && s.isNull()) {
                o.put(f.key(), f.keyLocation(), Canonical.nul(s.location()));
                continue;
            }
            MapNode net = Expect.map(f.value(), np);
            NETWORK.check(net, np);
            Canonical.Obj n = new Canonical.Obj(net.location());
            for (MapNode.Field nf : net.fields()) {
                YamlPath fp = np.key(nf.key());
                Node value = nf.value();
                Node out = switch (nf.key()) {
                    case "aliases", "link_local_ips" -> SimpleRules.STRINGS.apply(value, fp);
                    case "driver_opts" -> SimpleRules.STRING_MAP.apply(value, fp);
                    case "gw_priority", "priority" -> SimpleRules.INT.apply(value, fp);
                    default -> SimpleRules.STRING.apply(value, fp);
                };
                n.put(nf.key(), nf.keyLocation(), out);
            }
            o.put(f.key(), f.keyLocation(), n.ordered(NETWORK_ORDER));
        }
        return o.sorted();
    }

    /** compose-go's HostsList, written as a sorted list of {@code host=ip}. */
    static Node extraHosts(Node v, YamlPath p) {
        TreeMap<String, List<String>> hosts = new TreeMap<>();
        if (v instanceof MapNode m) {
            for (MapNode.Field f : m.fields()) {
                List<String> ips = new ArrayList<>();
                if (f.value() instanceof SeqNode) {
                    ips.addAll(Expect.texts(f.value(), p.key(f.key())));
                } else if (f.value() instanceof ScalarNode s && s.isNull()) {
                    ips.add("");
                } else {
                    ips.add(Expect.text(f.value(), p.key(f.key())));
                }
                checkHost(f.key(), v, p.key(f.key()));
                hosts.computeIfAbsent(f.key(), k -> new ArrayList<>()).addAll(ips);
            }
        } else {
            SeqNode seq = Expect.seq(v, p);
            for (int i = 0; i < seq.size(); i++) {
                String entry = Expect.text(seq.get(i), p.index(i));
                int sep = entry.indexOf('=') >= 0 ? entry.indexOf('=') : entry.indexOf(':');
                if (sep < 0) {
                    throw Expect.error(
                            seq.get(i),
                            p.index(i),
                            "invalid additional host, missing IP: " + entry,
                            "write host=ip, e.g. somehost=162.242.195.82");
                }
                String host = entry.substring(0, sep);
                checkHost(host, seq.get(i), p.index(i));
                hosts.computeIfAbsent(host, k -> new ArrayList<>())
                        .addAll(List.of(entry.substring(sep + 1).split(",", -1)));
            }
        }
        List<String> out = new ArrayList<>();
        hosts.forEach((host, ips) -> ips.forEach(ip -> out.add(host + "=" + stripBrackets(ip))));
        return Canonical.strings(out.stream().sorted().toList(), v.location());
    }

    private static void checkHost(String host, Node at, YamlPath p) {
        if (host.isEmpty() || host.contains(":") || host.contains("=")) {
            throw Expect.error(at, p, "bad host name '" + host + "'", "write host=ip, e.g. somehost=162.242.195.82");
        }
    }

    private static String stripBrackets(String ip) {
        return ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
    }

    /** Service {@code secrets}/{@code configs}: names to long form; secrets default their target. */
    static Node fileReferences(Node v, YamlPath p, boolean secret) {
        SeqNode seq = Expect.seq(v, p);
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            Node item = seq.get(i);
            YamlPath ip = p.index(i);
            Canonical.Obj o = new Canonical.Obj(item.location());
            if (item instanceof MapNode m) {
                FILE_REFERENCE.check(m, ip);
                Node source = m.get("source")
                        .orElseThrow(() -> Expect.error(
                                m, ip, "source is required", "name the top-level " + (secret ? "secret" : "config")));
                o.put("source", Canonical.string(Expect.string(source, ip.key("source")), source.location()));
                m.get("target").ifPresent(t -> o.put("target", SimpleRules.STRING.apply(t, ip.key("target"))));
                m.get("uid").ifPresent(t -> o.put("uid", SimpleRules.TEXT.apply(t, ip.key("uid"))));
                m.get("gid").ifPresent(t -> o.put("gid", SimpleRules.TEXT.apply(t, ip.key("gid"))));
                m.get("mode")
                        .ifPresent(t -> o.put(
                                "mode",
                                Canonical.string(
                                        "0" + Long.toOctalString(Expect.fileMode(t, ip.key("mode"))), t.location())));
            } else {
                o.put("source", Canonical.string(Expect.string(item, ip), item.location()));
            }
            if (secret && !o.has("target")) {
                String name = ((ScalarNode) o.get("source")).text();
                o.put("target", Canonical.string("/run/secrets/" + name, item.location()));
            }
            out.add(o.ordered(List.of("source", "target", "uid", "gid", "mode")));
        }
        return Canonical.seq(out, v.location());
    }

    static Node devices(Node v, YamlPath p) {
        SeqNode seq = Expect.seq(v, p);
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            Node item = seq.get(i);
            YamlPath ip = p.index(i);
            Location at = item.location();
            Canonical.Obj o = new Canonical.Obj(at);
            if (item instanceof MapNode m) {
                DEVICE.check(m, ip);
                for (String k : List.of("source", "target", "permissions")) {
                    m.get(k).ifPresent(x -> o.put(k, SimpleRules.STRING.apply(x, ip.key(k))));
                }
            } else {
                String spec = Expect.string(item, ip);
                String[] parts = spec.split(":", -1);
                if (parts.length > 3) {
                    throw Expect.error(
                            item,
                            ip,
                            "confusing device mapping, please use long syntax: " + spec,
                            "write {source: /dev/x, target: /dev/x, permissions: rwm}");
                }
                o.put("source", Canonical.string(parts[0], at));
                o.put("target", Canonical.string(parts.length > 1 ? parts[1] : parts[0], at));
                o.put("permissions", Canonical.string(parts.length > 2 ? parts[2] : "rwm", at));
            }
            out.add(o.build());
        }
        return Canonical.seq(out, v.location());
    }

    static Node logging(Node v, YamlPath p) {
        MapNode m = Expect.map(v, p);
        LOGGING.check(m, p);
        Canonical.Obj o = new Canonical.Obj(v.location());
        m.get("driver").ifPresent(d -> o.put("driver", SimpleRules.STRING.apply(d, p.key("driver"))));
        m.get("options").ifPresent(d -> {
            if (!(d instanceof ScalarNode s && s.isNull())) {
                o.put("options", KeyValues.strings(Expect.map(d, p.key("options")), p.key("options")));
            }
        });
        return o.build();
    }
}
