package dev.jcompose.schema;

import dev.jcompose.schema.project.ResourceNormalizer;
import dev.jcompose.schema.service.ServiceNormalizer;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.YamlPath;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The loader's last stage: the merged project tree to the canonical tree described in
 * {@link dev.jcompose.schema package documentation}. Pure: reads no file itself (env_file goes
 * through {@link EnvFileReader}), and reports ignored keys through the context's warnings.
 */
public final class Normalizer {
    private static final KeySet TOP =
            KeySet.of("version", "name", "include", "services", "networks", "volumes", "secrets", "configs", "models");
    private static final List<String> ORDER = List.of("name", "services", "networks", "volumes", "secrets", "configs");
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-zA-Z0-9._-]+");

    private final NormalizeContext context;

    public Normalizer(NormalizeContext context) {
        this.context = context;
    }

    public MapNode normalize(MapNode raw) {
        TOP.check(raw, YamlPath.ROOT);
        MapNode root = Yaml11Booleans.cast(raw, context.warnings());
        Canonical.Obj out = new Canonical.Obj(root.location());
        out.put(
                "name",
                Canonical.string(
                        context.projectName(),
                        root.get("name").map(Node::location).orElse(root.location())));
        ResourceNormalizer resources = new ResourceNormalizer(context);
        for (MapNode.Field f : root.fields()) {
            YamlPath p = YamlPath.of(f.key());
            switch (f.key()) {
                case "version" ->
                    context.warnings()
                            .accept(f.keyLocation()
                                    + ": the attribute `version` is obsolete, it will be ignored, please remove it to avoid "
                                    + "potential confusion");
                case "include" ->
                    throw new ComposeFileException(
                            f.keyLocation(),
                            p,
                            "include was not resolved before normalisation",
                            "this is a jcompose bug: please report it");
                case "models" -> {
                    // kept as written for config and for services' references; jcompose runs no models
                    if (!isNull(f.value())) {
                        out.put(f.key(), f.keyLocation(), Expect.map(f.value(), p));
                    }
                }
                case "networks", "volumes", "secrets", "configs" -> {
                    if (!isNull(f.value())) {
                        out.put(f.key(), f.keyLocation(), resources.section(f.key(), f.value(), p));
                    }
                }
                default -> {
                    if (f.key().startsWith("x-")) {
                        out.put(f.key(), f.keyLocation(), f.value());
                    }
                }
            }
        }
        out.put("services", services(root));
        addDefaultNetwork(out, resources);
        MapNode project = out.ordered(ORDER);
        return project;
    }

    private MapNode services(MapNode root) {
        Node raw = root.get("services").orElse(MapNode.empty(root.location()));
        YamlPath path = YamlPath.of("services");
        MapNode services = isNull(raw) ? MapNode.empty(raw.location()) : Expect.map(raw, path);
        ServiceNormalizer normalizer = new ServiceNormalizer(context);
        Canonical.Obj out = new Canonical.Obj(services.location());
        for (MapNode.Field f : services.fields()) {
            if (!SERVICE_NAME.matcher(f.key()).matches()) {
                throw new ComposeFileException(
                        f.keyLocation(),
                        path,
                        "service name '" + f.key() + "' does not match [a-zA-Z0-9._-]+",
                        "use letters, digits, '.', '_' and '-'");
            }
            out.put(f.key(), f.keyLocation(), normalizer.normalize(f.key(), f.value(), path.key(f.key())));
        }
        return out.sorted();
    }

    private static void addDefaultNetwork(Canonical.Obj out, ResourceNormalizer resources) {
        MapNode services = (MapNode) out.get("services");
        boolean usesDefault = services.fields().stream()
                .anyMatch(s -> ((MapNode) s.value())
                        .get("networks")
                        .map(n -> ((MapNode) n).has("default"))
                        .orElse(false));
        MapNode networks = (MapNode) out.get("networks");
        if (!usesDefault || (networks != null && networks.has("default"))) {
            return;
        }
        Canonical.Obj n = new Canonical.Obj(networks == null ? out.build().location() : networks.location());
        if (networks != null) {
            networks.fields().forEach(f -> n.put(f.key(), f.keyLocation(), f.value()));
        }
        n.put("default", resources.defaultNetwork(services.location()));
        out.put("networks", n.sorted());
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.isNull();
    }
}
