package dev.jcompose.schema.volume;

import dev.jcompose.quantity.ByteSize;
import dev.jcompose.schema.Canonical;
import dev.jcompose.schema.Expect;
import dev.jcompose.schema.KeySet;
import dev.jcompose.schema.KeyValues;
import dev.jcompose.schema.NormalizeContext;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarKind;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A service's {@code volumes} entries in both syntaxes, to compose-go's {@code ServiceVolumeConfig}.
 * Short syntax {@code [SOURCE:]TARGET[:OPTIONS]}: a source starting with {@code .}, {@code /} or
 * {@code ~} is a bind mount (with {@code create_host_path: true}, as docker-compose v1 did), any
 * other source names a volume; bind sources become absolute paths.
 */
public final class VolumeSyntax {
    private static final KeySet LONG =
            KeySet.of("type", "source", "target", "read_only", "consistency", "bind", "volume", "tmpfs", "image");
    private static final KeySet BIND = KeySet.of("propagation", "create_host_path", "selinux", "recursive");
    private static final KeySet VOLUME = KeySet.of("nocopy", "subpath", "labels");
    private static final KeySet TMPFS = KeySet.of("size", "mode");
    private static final KeySet IMAGE = KeySet.of("subpath");
    private static final List<String> ORDER =
            List.of("type", "source", "target", "read_only", "consistency", "bind", "volume", "tmpfs", "image");
    private static final Set<String> TYPES = Set.of("bind", "volume", "tmpfs", "npipe", "cluster", "image");
    private static final Set<String> PROPAGATIONS =
            Set.of("rprivate", "private", "rshared", "shared", "rslave", "slave");
    private static final Set<String> CONSISTENCIES = Set.of("consistent", "cached", "delegated");
    private static final String HINT = "write [SOURCE:]TARGET[:OPTIONS], e.g. ./data:/data:ro";

    private final NormalizeContext context;

    public VolumeSyntax(NormalizeContext context) {
        this.context = context;
    }

    public SeqNode normalize(Node value, YamlPath path) {
        SeqNode seq = Expect.seq(value, path);
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            Node item = seq.get(i);
            YamlPath p = path.index(i);
            out.add(item instanceof MapNode m ? longForm(m, p) : shortForm(Expect.string(item, p), item, p));
        }
        return Canonical.seq(out, value.location());
    }

    private MapNode shortForm(String spec, Node at, YamlPath path) {
        String[] parts = split(spec, at, path);
        Location l = at.location();
        Canonical.Obj o = new Canonical.Obj(l);
        String source = parts.length == 1 ? "" : parts[0];
        boolean bind = isPath(source);
        o.put("type", Canonical.string(bind ? "bind" : "volume", l));
        if (!source.isEmpty()) {
            o.put("source", Canonical.string(bind ? context.resolvePath(source) : source, l));
        }
        o.put("target", Canonical.string(cleanTarget(parts.length == 1 ? parts[0] : parts[1]), l));
        Canonical.Obj bindOpts = new Canonical.Obj(l);
        Canonical.Obj volumeOpts = new Canonical.Obj(l);
        if (parts.length == 3) {
            for (String option : parts[2].split(",", -1)) {
                option(option, o, bindOpts, volumeOpts, spec, at, path);
            }
        }
        if (bind) {
            bindOpts.put("create_host_path", Canonical.bool(true, l));
            o.put("bind", bindOpts.ordered(List.of("selinux", "propagation", "create_host_path")));
        } else if (bindOpts.isEmpty()) {
            o.put("volume", volumeOpts.build());
        } else {
            throw Expect.error(
                    at,
                    path,
                    "invalid spec: " + spec + ": bind options on a named volume",
                    "z, Z and propagation options apply to bind mounts (a source starting with ., / or ~)");
        }
        return o.ordered(ORDER);
    }

    private static String[] split(String spec, Node at, YamlPath path) {
        if (spec.isEmpty()) {
            throw Expect.error(at, path, "invalid empty volume spec", HINT);
        }
        String[] parts = spec.split(":", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw Expect.error(at, path, "invalid spec: " + spec + ": empty section between colons", HINT);
            }
        }
        if (parts.length > 3) {
            throw Expect.error(at, path, "invalid spec: " + spec + ": too many colons", HINT);
        }
        return parts;
    }

    /** One short-syntax option, recorded on the mount, its bind options or its volume options. */
    private static void option(
            String option,
            Canonical.Obj mount,
            Canonical.Obj bindOpts,
            Canonical.Obj volumeOpts,
            String spec,
            Node at,
            YamlPath path) {
        Location l = at.location();
        switch (option) {
            case "ro" -> mount.put("read_only", Canonical.bool(true, l));
            case "rw" -> mount.remove("read_only");
            case "nocopy" -> volumeOpts.put("nocopy", Canonical.bool(true, l));
            case "z", "Z" -> bindOpts.put("selinux", Canonical.string(option, l));
            default -> {
                if (PROPAGATIONS.contains(option)) {
                    bindOpts.put("propagation", Canonical.string(option, l));
                } else if (CONSISTENCIES.contains(option)) {
                    mount.put("consistency", Canonical.string(option, l));
                } else {
                    throw Expect.error(
                            at,
                            path,
                            "invalid spec: " + spec + ": unknown option '" + option + "'",
                            "options are ro, rw, nocopy, z, Z, a propagation (rprivate, private, rshared, "
                                    + "shared, rslave, slave) or a consistency (consistent, cached, delegated)");
                }
            }
        }
    }

    /** Go's {@code path.Clean} of a container path, as compose-go applies to every target. */
    static String cleanTarget(String target) {
        String cleaned = java.nio.file.Path.of(target).normalize().toString();
        return cleaned.isEmpty() ? "." : cleaned;
    }

    /** A short-syntax source naming a host path rather than a volume. */
    static boolean isPath(String source) {
        return !source.isEmpty() && (source.charAt(0) == '.' || source.charAt(0) == '/' || source.charAt(0) == '~');
    }

    private MapNode longForm(MapNode m, YamlPath p) {
        LONG.check(m, p);
        Node typeNode = m.get("type")
                .orElseThrow(() ->
                        Expect.error(m, p, "type is required", "one of bind, volume, tmpfs, npipe, cluster, image"));
        String type = Expect.string(typeNode, p.key("type"));
        if (!TYPES.contains(type)) {
            throw Expect.error(
                    typeNode,
                    p.key("type"),
                    "invalid mount type '" + type + "'",
                    "use one of bind, volume, tmpfs, npipe, cluster, image");
        }
        Canonical.Obj o = new Canonical.Obj(m.location());
        o.put("type", Canonical.string(type, typeNode.location()));
        Node target = m.get("target")
                .orElseThrow(() -> Expect.error(
                        m, p, "target is required", "give the path inside the container, e.g. target: /data"));
        o.put("target", Canonical.string(cleanTarget(Expect.string(target, p.key("target"))), target.location()));
        m.get("source").ifPresent(v -> {
            String source = Expect.string(v, p.key("source"));
            o.put("source", Canonical.string(type.equals("bind") ? context.resolvePath(source) : source, v.location()));
        });
        if (type.equals("bind") && !o.has("source")) {
            throw Expect.error(m, p, "source is required for a bind mount", "give the host path, e.g. source: ./data");
        }
        m.get("read_only").ifPresent(v -> {
            if (Expect.bool(v, p.key("read_only"))) {
                o.put("read_only", Canonical.bool(true, v.location()));
            }
        });
        m.get("consistency")
                .ifPresent(v ->
                        o.put("consistency", Canonical.string(Expect.string(v, p.key("consistency")), v.location())));
        m.get("bind").ifPresent(v -> o.put("bind", bind(v, p.key("bind"))));
        m.get("volume").ifPresent(v -> o.put("volume", volume(v, p.key("volume"))));
        m.get("tmpfs").ifPresent(v -> o.put("tmpfs", tmpfs(v, p.key("tmpfs"))));
        m.get("image").ifPresent(v -> {
            MapNode im = Expect.map(v, p.key("image"));
            IMAGE.check(im, p.key("image"));
            Canonical.Obj io = new Canonical.Obj(v.location());
            im.get("subpath")
                    .ifPresent(s -> io.put(
                            "subpath",
                            Canonical.string(Expect.string(s, p.key("image").key("subpath")), s.location())));
            o.put("image", io.build());
        });
        return o.ordered(ORDER);
    }

    private static MapNode bind(Node v, YamlPath p) {
        MapNode b = Expect.map(v, p);
        BIND.check(b, p);
        Canonical.Obj o = new Canonical.Obj(v.location());
        b.get("selinux").ifPresent(s -> {
            String sel = Expect.string(s, p.key("selinux"));
            if (!sel.equals("z") && !sel.equals("Z")) {
                throw Expect.error(s, p.key("selinux"), "invalid selinux option '" + sel + "'", "use z or Z");
            }
            o.put("selinux", Canonical.string(sel, s.location()));
        });
        b.get("propagation").ifPresent(s -> {
            String prop = Expect.string(s, p.key("propagation"));
            if (!PROPAGATIONS.contains(prop)) {
                throw Expect.error(
                        s,
                        p.key("propagation"),
                        "invalid propagation '" + prop + "'",
                        "use rprivate, private, rshared, shared, rslave or slave");
            }
            o.put("propagation", Canonical.string(prop, s.location()));
        });
        // Newer compose-go defaults create_host_path to true whenever a bind block is written.
        boolean create = b.get("create_host_path")
                .map(s -> Expect.bool(s, p.key("create_host_path")))
                .orElse(true);
        o.put(
                "create_host_path",
                Canonical.bool(
                        create, b.get("create_host_path").map(Node::location).orElse(v.location())));
        b.get("recursive")
                .ifPresent(s ->
                        o.put("recursive", Canonical.string(Expect.string(s, p.key("recursive")), s.location())));
        return o.build();
    }

    private static MapNode volume(Node v, YamlPath p) {
        MapNode vol = Expect.map(v, p);
        VOLUME.check(vol, p);
        Canonical.Obj o = new Canonical.Obj(v.location());
        vol.get("labels").ifPresent(s -> o.put("labels", KeyValues.strings(s, p.key("labels"))));
        vol.get("nocopy").ifPresent(s -> {
            if (Expect.bool(s, p.key("nocopy"))) {
                o.put("nocopy", Canonical.bool(true, s.location()));
            }
        });
        vol.get("subpath")
                .ifPresent(s -> o.put("subpath", Canonical.string(Expect.string(s, p.key("subpath")), s.location())));
        return o.build();
    }

    private static MapNode tmpfs(Node v, YamlPath p) {
        MapNode t = Expect.map(v, p);
        TMPFS.check(t, p);
        Canonical.Obj o = new Canonical.Obj(v.location());
        t.get("size").ifPresent(s -> o.put("size", bytes(s, p.key("size"))));
        t.get("mode").ifPresent(s -> o.put("mode", Canonical.integer(Expect.fileMode(s, p.key("mode")), s.location())));
        return o.build();
    }

    /** A byte size (integer or {@code 512m}) as compose-go writes {@code UnitBytes}: a decimal string. */
    public static ScalarNode bytes(Node n, YamlPath path) {
        long value;
        if (n instanceof ScalarNode s && s.kind() == ScalarKind.INT) {
            value = Expect.integer(n, path);
        } else if (n instanceof ScalarNode s && s.kind() == ScalarKind.STRING) {
            value = Expect.parse(
                    n,
                    path,
                    "write a number of bytes or a size such as 512m, 1g, 100k",
                    () -> ByteSize.parse(s.text()));
        } else {
            throw Expect.error(n, path, "must be a string or a number", "found " + n.kindName());
        }
        return Canonical.string(Long.toString(value), n.location());
    }
}
