package dev.jcompose.schema.project;

import dev.jcompose.schema.Canonical;
import dev.jcompose.schema.Expect;
import dev.jcompose.schema.KeySet;
import dev.jcompose.schema.KeyValues;
import dev.jcompose.schema.NormalizeContext;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Top-level {@code networks}, {@code volumes}, {@code secrets} and {@code configs}. Every entry gets
 * a {@code name}: its key when external, {@code <project>_<key>} otherwise, as compose-go fills it.
 */
public final class ResourceNormalizer {
    private static final KeySet NETWORK = KeySet.of(
            "name",
            "driver",
            "driver_opts",
            "ipam",
            "external",
            "internal",
            "attachable",
            "labels",
            "enable_ipv4",
            "enable_ipv6");
    private static final List<String> NETWORK_ORDER = List.of(
            "name",
            "driver",
            "driver_opts",
            "ipam",
            "external",
            "internal",
            "attachable",
            "labels",
            "enable_ipv4",
            "enable_ipv6");
    private static final KeySet IPAM = KeySet.of("driver", "config", "options");
    private static final KeySet POOL = KeySet.of("subnet", "gateway", "ip_range", "aux_addresses");
    private static final KeySet VOLUME = KeySet.of("name", "driver", "driver_opts", "external", "labels");
    private static final List<String> VOLUME_ORDER = List.of("name", "driver", "driver_opts", "external", "labels");
    private static final KeySet SECRET =
            KeySet.of("name", "file", "environment", "external", "labels", "driver", "driver_opts", "template_driver");
    private static final KeySet CONFIG = KeySet.of(
            "name", "file", "environment", "content", "external", "labels", "driver", "driver_opts", "template_driver");
    private static final List<String> FILE_ORDER = List.of(
            "name", "file", "environment", "content", "external", "labels", "driver", "driver_opts", "template_driver");

    private final NormalizeContext context;

    public ResourceNormalizer(NormalizeContext context) {
        this.context = context;
    }

    /** The entries of one top-level section, sorted by key; {@code kind} is "networks", "volumes"... */
    public MapNode section(String kind, Node raw, YamlPath path) {
        MapNode m = Expect.map(raw, path);
        Canonical.Obj out = new Canonical.Obj(raw.location());
        for (MapNode.Field f : m.fields()) {
            YamlPath p = path.key(f.key());
            MapNode entry = f.value() instanceof ScalarNode s && s.isNull()
                    ? MapNode.empty(s.location())
                    : Expect.map(f.value(), p);
            out.put(
                    f.key(),
                    f.keyLocation(),
                    switch (kind) {
                        case "networks" -> network(f.key(), entry, p);
                        case "volumes" -> volume(f.key(), entry, p);
                        default -> fileObject(kind, f.key(), entry, p);
                    });
        }
        return out.sorted();
    }

    /** The implicit network compose adds when a service uses the default network. */
    public MapNode defaultNetwork(Location at) {
        return new Canonical.Obj(at)
                .put("name", Canonical.string(context.projectName() + "_default", at))
                .put("ipam", new Canonical.Obj(at).build())
                .build();
    }

    private MapNode network(String key, MapNode m, YamlPath p) {
        NETWORK.check(m, p);
        Canonical.Obj o = common(key, m, p);
        for (MapNode.Field f : m.fields()) {
            YamlPath fp = p.key(f.key());
            Node v = f.value();
            switch (f.key()) {
                case "driver" -> o.put("driver", f.keyLocation(), nonEmpty(Expect.string(v, fp), v));
                case "driver_opts" -> o.put("driver_opts", f.keyLocation(), KeyValues.strings(v, fp));
                case "ipam" -> o.put("ipam", f.keyLocation(), ipam(v, fp));
                case "internal", "attachable" -> {
                    if (Expect.bool(v, fp)) {
                        o.put(f.key(), f.keyLocation(), Canonical.bool(true, v.location()));
                    }
                }
                case "enable_ipv4", "enable_ipv6" ->
                    o.put(f.key(), f.keyLocation(), Canonical.bool(Expect.bool(v, fp), v.location()));
                default -> {}
            }
        }
        if (!o.has("ipam")) {
            o.put("ipam", new Canonical.Obj(m.location()).build()); // a Go struct: always written
        }
        externalConflicts("network", key, m, p, List.of("driver", "driver_opts", "internal", "attachable"));
        return o.ordered(NETWORK_ORDER);
    }

    private Node ipam(Node v, YamlPath p) {
        MapNode m = Expect.map(v, p);
        IPAM.check(m, p);
        Canonical.Obj o = new Canonical.Obj(v.location());
        m.get("driver").ifPresent(d -> o.put("driver", nonEmpty(Expect.string(d, p.key("driver")), d)));
        m.get("config").ifPresent(c -> {
            SeqNode seq = Expect.seq(c, p.key("config"));
            List<Node> pools = new ArrayList<>();
            for (int i = 0; i < seq.size(); i++) {
                YamlPath ip = p.key("config").index(i);
                MapNode pool = Expect.map(seq.get(i), ip);
                POOL.check(pool, ip);
                Canonical.Obj po = new Canonical.Obj(pool.location());
                for (String k : List.of("subnet", "gateway", "ip_range")) {
                    pool.get(k).ifPresent(x -> po.put(k, nonEmpty(Expect.string(x, ip.key(k)), x)));
                }
                pool.get("aux_addresses")
                        .ifPresent(x -> po.put(
                                "aux_addresses",
                                KeyValues.strings(Expect.map(x, ip.key("aux_addresses")), ip.key("aux_addresses"))));
                pools.add(po.build());
            }
            o.put("config", Canonical.seq(pools, c.location()));
        });
        m.get("options")
                .ifPresent(x -> o.put("options", KeyValues.strings(Expect.map(x, p.key("options")), p.key("options"))));
        return o.build();
    }

    private MapNode volume(String key, MapNode m, YamlPath p) {
        VOLUME.check(m, p);
        Canonical.Obj o = common(key, m, p);
        m.get("driver").ifPresent(v -> o.put("driver", nonEmpty(Expect.string(v, p.key("driver")), v)));
        m.get("driver_opts").ifPresent(v -> o.put("driver_opts", KeyValues.strings(v, p.key("driver_opts"))));
        externalConflicts("volume", key, m, p, List.of("driver", "driver_opts"));
        return o.ordered(VOLUME_ORDER);
    }

    private MapNode fileObject(String kind, String key, MapNode m, YamlPath p) {
        boolean secret = kind.equals("secrets");
        (secret ? SECRET : CONFIG).check(m, p);
        Canonical.Obj o = common(key, m, p);
        m.get("file")
                .ifPresent(v -> o.put(
                        "file", Canonical.string(context.resolvePath(Expect.string(v, p.key("file"))), v.location())));
        m.get("environment").ifPresent(v -> o.put("environment", nonEmpty(Expect.string(v, p.key("environment")), v)));
        m.get("content")
                .ifPresent(v -> o.put("content", Canonical.string(Expect.string(v, p.key("content")), v.location())));
        for (String k : List.of("driver", "template_driver", "driver_opts")) {
            m.field(k).ifPresent(f -> {
                throw new ComposeFileException(
                        f.keyLocation(),
                        p.key(k),
                        "not supported by jcompose: " + k + " needs a swarm " + (secret ? "secret" : "config")
                                + " store",
                        "use file, environment" + (secret ? "" : " or content"));
            });
        }
        boolean external = o.has("external");
        if (!external && !o.has("file") && !o.has("environment") && !o.has("content")) {
            String singular = secret ? "secret" : "config";
            throw new ComposeFileException(
                    m.location(),
                    p,
                    singular + " \"" + key + "\" must declare either `file`"
                            + (secret ? " or `environment`" : ", `environment` or `content`"),
                    "e.g. file: ./" + key + ".txt");
        }
        return o.ordered(FILE_ORDER);
    }

    /** name, external and labels, shared by all four kinds. */
    private Canonical.Obj common(String key, MapNode m, YamlPath p) {
        Canonical.Obj o = new Canonical.Obj(m.location());
        String legacyName = null;
        Location nameAt = m.location();
        if (m.get("external").isPresent()) {
            Node ext = m.get("external").orElseThrow();
            boolean external;
            if (ext instanceof MapNode em) {
                KeySet.of("name").check(em, p.key("external"));
                external = true;
                if (em.get("name").isPresent()) {
                    legacyName = Expect.string(
                            em.get("name").orElseThrow(), p.key("external").key("name"));
                    nameAt = em.location();
                    context.warnings()
                            .accept(ext.location() + ": " + p.key("external").key("name")
                                    + ": is deprecated, use name instead");
                }
            } else {
                external = Expect.bool(ext, p.key("external"));
            }
            if (external) {
                o.put("external", Canonical.bool(true, ext.location()));
            }
        }
        String name = m.get("name").map(n -> Expect.string(n, p.key("name"))).orElse(legacyName);
        if (name == null || name.isEmpty()) {
            name = o.has("external") ? key : context.projectName() + "_" + key;
        } else if (m.get("name").isPresent()) {
            nameAt = m.get("name").orElseThrow().location();
        }
        o.put("name", Canonical.string(name, nameAt));
        m.get("labels").ifPresent(v -> o.put("labels", KeyValues.strings(v, p.key("labels"))));
        for (MapNode.Field f : m.fields()) {
            if (f.key().startsWith("x-")) {
                o.put(f.key(), f.keyLocation(), f.value());
            }
        }
        return o;
    }

    private static void externalConflicts(String what, String key, MapNode m, YamlPath p, List<String> keys) {
        boolean external = m.get("external")
                .map(e -> e instanceof MapNode || Expect.bool(e, p.key("external")))
                .orElse(false);
        if (!external) {
            return;
        }
        for (String k : keys) {
            m.field(k).ifPresent(f -> {
                throw new ComposeFileException(
                        f.keyLocation(),
                        p,
                        "conflicting parameters \"external\" and \"" + k + "\" specified for " + what + " \"" + key
                                + "\"",
                        "an external " + what + " is created outside compose: remove " + k);
            });
        }
    }

    private static Node nonEmpty(String s, Node at) {
        return s.isEmpty() ? null : Canonical.string(s, at.location());
    }
}
