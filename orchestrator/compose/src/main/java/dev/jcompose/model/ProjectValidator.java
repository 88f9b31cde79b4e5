package dev.jcompose.model;

import dev.jcompose.graph.DependencyCycle;
import dev.jcompose.graph.ServiceGraph;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Consistency checks on the canonical tree, compose-go's {@code checkConsistency} plus container
 * name uniqueness and dependency cycles. It runs on the tree rather than the records so each
 * problem points at the file, line and column that caused it. Messages keep compose's wording;
 * services are checked in name order, so the first problem reported is always the same one.
 */
public final class ProjectValidator {
    static final String INVALID = ": invalid compose project";

    /** Throws the first problem, if any. */
    public void check(MapNode root) {
        List<ComposeFileException> problems = problems(root);
        if (!problems.isEmpty()) {
            throw problems.getFirst();
        }
    }

    /** Every problem, in a stable order. */
    public List<ComposeFileException> problems(MapNode root) {
        Context ctx = new Context(root);
        ctx.services.forEach((name, field) -> new ServiceCheck(ctx, name, field).run());
        checkSecretSources(ctx);
        checkCycles(ctx);
        return ctx.problems;
    }

    /** What the checks share: top-level sections, collected problems, dependency edges with origins. */
    static final class Context {
        final MapNode root;
        final Map<String, MapNode.Field> services = new TreeMap<>();
        final List<ComposeFileException> problems = new ArrayList<>();
        /** service -> dependency -> where the dependency was declared. */
        final Map<String, Map<String, Origin>> edges = new TreeMap<>();

        Context(MapNode root) {
            this.root = root;
            section("services").ifPresent(m -> m.fields().forEach(f -> services.put(f.key(), f)));
        }

        Optional<MapNode> section(String key) {
            return asMap(root.get(key).orElse(null));
        }

        boolean declared(String section, String name) {
            return section(section).map(m -> m.has(name)).orElse(false);
        }

        void problem(Location at, YamlPath path, String problem, String hint) {
            problems.add(new ComposeFileException(at, path, problem, hint));
        }

        void edge(String from, String to, Origin origin) {
            edges.computeIfAbsent(from, k -> new TreeMap<>()).putIfAbsent(to, origin);
        }
    }

    record Origin(Location location, YamlPath path) {}

    static Optional<MapNode> asMap(Node n) {
        return n instanceof MapNode m ? Optional.of(m) : Optional.empty();
    }

    static List<Node> items(Optional<Node> n) {
        return n.filter(SeqNode.class::isInstance)
                .map(s -> ((SeqNode) s).items())
                .orElse(List.of());
    }

    static Optional<String> text(Optional<Node> n) {
        return n.filter(ScalarNode.class::isInstance).map(s -> ((ScalarNode) s).text());
    }

    private static void checkSecretSources(Context ctx) {
        ctx.section("secrets")
                .ifPresent(secrets -> secrets.fields().forEach(f -> {
                    MapNode secret = asMap(f.value()).orElse(MapNode.empty(f.keyLocation()));
                    boolean external =
                            text(secret.get("external")).map("true"::equals).orElse(false);
                    if (!external && !secret.has("file") && !secret.has("environment")) {
                        ctx.problem(
                                f.keyLocation(),
                                YamlPath.of("secrets", f.key()),
                                "secret \"" + f.key() + "\" must declare either `file` or `environment`" + INVALID,
                                "add file: ./path or environment: VARIABLE to the secret");
                    }
                }));
    }

    private static void checkCycles(Context ctx) {
        Map<String, Set<String>> deps = new TreeMap<>();
        ctx.services
                .keySet()
                .forEach(s -> deps.put(s, ctx.edges.getOrDefault(s, Map.of()).keySet()));
        Optional<DependencyCycle> cycle = ServiceGraph.of(deps).findCycle();
        cycle.ifPresent(c -> {
            Origin origin = ctx.edges.get(c.start()).get(c.next());
            ctx.problem(
                    origin.location(),
                    origin.path(),
                    "dependency cycle detected: " + c,
                    "break the cycle: one of these services must not wait for the next");
        });
    }
}
