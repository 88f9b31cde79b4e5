package dev.jcompose.schema.service;

import dev.jcompose.environment.EnvFileRef;
import dev.jcompose.schema.Canonical;
import dev.jcompose.schema.Expect;
import dev.jcompose.schema.KeySet;
import dev.jcompose.schema.KeyValues;
import dev.jcompose.schema.NormalizeContext;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code environment} and {@code env_file} merged into one sorted map, as {@code docker compose
 * config} shows it: env_file values first, {@code environment} entries win, a {@code KEY} alone
 * takes its value from the context environment or stays {@code null} (unset).
 */
final class EnvironmentRules {
    private static final KeySet ENV_FILE = KeySet.of("path", "required", "format");

    private final NormalizeContext context;

    EnvironmentRules(NormalizeContext context) {
        this.context = context;
    }

    void apply(MapNode service, YamlPath path, Canonical.Obj out) {
        TreeMap<String, Node> merged = new TreeMap<>();
        TreeMap<String, Location> keyLocations = new TreeMap<>();
        service.field("env_file").ifPresent(f -> {
            List<EnvFileRef> refs = envFiles(f.value(), path.key("env_file"));
            if (!refs.isEmpty()) {
                Map<String, String> values = context.envFiles().read(refs);
                values.forEach((k, v) -> {
                    merged.put(
                            k,
                            v == null
                                    ? Canonical.nul(f.value().location())
                                    : Canonical.string(v, f.value().location()));
                    keyLocations.put(k, f.keyLocation());
                });
            }
        });
        service.field("environment").ifPresent(f -> {
            KeyValues.read(f.value(), path.key("environment")).forEach((k, e) -> {
                String value = e.value() != null
                        ? e.value()
                        : context.environment().get(k).orElse(null);
                merged.put(
                        k,
                        value == null ? Canonical.nul(e.valueLocation()) : Canonical.string(value, e.valueLocation()));
                keyLocations.put(k, e.keyLocation());
            });
        });
        if (service.has("env_file") || service.has("environment")) {
            Canonical.Obj env = new Canonical.Obj(service.get("environment")
                    .orElseGet(() -> service.get("env_file").orElseThrow())
                    .location());
            merged.forEach((k, v) -> env.put(k, keyLocations.get(k), v));
            if (!env.isEmpty()) {
                out.put("environment", env.sorted());
            }
        }
    }

    private List<EnvFileRef> envFiles(Node value, YamlPath path) {
        List<EnvFileRef> refs = new ArrayList<>();
        if (!(value instanceof SeqNode seq)) {
            refs.add(ref(Expect.string(value, path), true, value, path));
            return refs;
        }
        for (int i = 0; i < seq.size(); i++) {
            Node item = seq.get(i);
            YamlPath p = path.index(i);
            if (item instanceof MapNode m) {
                ENV_FILE.check(m, p);
                Node pathNode = m.get("path")
                        .orElseThrow(
                                () -> Expect.error(m, p, "path is required", "give the file, e.g. path: ./app.env"));
                boolean required = m.get("required")
                        .map(r -> Expect.bool(r, p.key("required")))
                        .orElse(true);
                boolean raw = m.get("format")
                        .map(fmt -> {
                            String format = Expect.string(fmt, p.key("format"));
                            if (!format.equals("raw")) {
                                throw Expect.error(
                                        fmt,
                                        p.key("format"),
                                        "unsupported env_file format '" + format + "'",
                                        "leave format out for the dotenv syntax, or use raw");
                            }
                            return true;
                        })
                        .orElse(false);
                refs.add(ref(Expect.string(pathNode, p.key("path")), required, pathNode, p.key("path"), raw));
            } else {
                refs.add(ref(Expect.string(item, p), true, item, p));
            }
        }
        return refs;
    }

    /**
     * {@code label_file}: labels read from each file in order (later files win), then the service's
     * own {@code labels} over them, as compose-go resolves them; {@code label_file} itself stays.
     */
    void labelFiles(Canonical.Obj out, YamlPath path) {
        if (!(out.get("label_file") instanceof SeqNode files)) {
            return;
        }
        List<EnvFileRef> refs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Node f = files.get(i);
            refs.add(new EnvFileRef(
                    Path.of(((dev.jcompose.yaml.ScalarNode) f).text()),
                    true,
                    f.location(),
                    path.key("label_file").index(i)));
        }
        TreeMap<String, Node> labels = new TreeMap<>();
        context.envFiles()
                .read(refs)
                .forEach((k, v) -> labels.put(k, Canonical.string(v == null ? "" : v, files.location())));
        if (out.get("labels") instanceof MapNode own) {
            own.fields().forEach(f -> labels.put(f.key(), f.value()));
        }
        Canonical.Obj merged = new Canonical.Obj(files.location());
        labels.forEach(merged::put);
        if (!labels.isEmpty()) {
            out.put("labels", merged.build());
        }
    }

    private EnvFileRef ref(String file, boolean required, Node at, YamlPath path) {
        return ref(file, required, at, path, false);
    }

    private EnvFileRef ref(String file, boolean required, Node at, YamlPath path, boolean raw) {
        return new EnvFileRef(Path.of(context.resolvePath(file)), required, at.location(), path, raw);
    }
}
