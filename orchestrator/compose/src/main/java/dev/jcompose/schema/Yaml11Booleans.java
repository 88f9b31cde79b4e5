package dev.jcompose.schema;

import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarKind;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * YAML 1.1 booleans where compose expects a boolean. Compose files are YAML 1.2, where {@code yes}
 * is a string, but compose-go casts {@code y}, {@code yes}, {@code on} to true and {@code n},
 * {@code no}, {@code off} to false (any case) at its boolean fields, with a warning; so does this,
 * before the type checks, at the same fields.
 */
final class Yaml11Booleans {
    private static final String ANY = "*";
    private static final List<List<String>> FIELDS = List.of(
            service("init"),
            service("depends_on", ANY, "required"),
            service("depends_on", ANY, "restart"),
            service("healthcheck", "disable"),
            service("oom_kill_disable"),
            service("privileged"),
            service("read_only"),
            service("stdin_open"),
            service("tty"),
            service("volumes", ANY, "read_only"),
            service("volumes", ANY, "volume", "nocopy"),
            List.of("networks", ANY, "external"),
            List.of("networks", ANY, "internal"),
            List.of("networks", ANY, "attachable"),
            List.of("networks", ANY, "enable_ipv4"),
            List.of("networks", ANY, "enable_ipv6"),
            List.of("volumes", ANY, "external"),
            List.of("secrets", ANY, "external"),
            List.of("configs", ANY, "external"));

    private final Consumer<String> warnings;

    private Yaml11Booleans(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    private static List<String> service(String... rest) {
        List<String> p = new ArrayList<>(List.of("services", ANY));
        p.addAll(List.of(rest));
        return List.copyOf(p);
    }

    static MapNode cast(MapNode project, Consumer<String> warnings) {
        Yaml11Booleans casts = new Yaml11Booleans(warnings);
        MapNode out = project;
        for (List<String> field : FIELDS) {
            out = (MapNode) casts.rewrite(out, field, 0, YamlPath.ROOT);
        }
        return out;
    }

    private Node rewrite(Node n, List<String> field, int i, YamlPath path) {
        if (i == field.size()) {
            return n instanceof ScalarNode s ? cast(s, path) : n;
        }
        String step = field.get(i);
        if (n instanceof MapNode map) {
            if (!step.equals(ANY)) {
                return map.get(step)
                        .map(v -> map.with(step, rewrite(v, field, i + 1, path.key(step))))
                        .orElse(map);
            }
            return map.mapValues((k, v) -> rewrite(v, field, i + 1, path.key(k)));
        }
        if (n instanceof SeqNode seq && step.equals(ANY)) {
            List<Node> items = new ArrayList<>(seq.size());
            for (int k = 0; k < seq.size(); k++) {
                items.add(rewrite(seq.get(k), field, i + 1, path.index(k)));
            }
            return seq.withItems(items);
        }
        return n;
    }

    private Node cast(ScalarNode s, YamlPath path) {
        if (s.kind() != ScalarKind.STRING) {
            return s;
        }
        Boolean value = switch (s.text().toLowerCase(Locale.ROOT)) {
            case "y", "yes", "on" -> true;
            case "n", "no", "off" -> false;
            default -> null;
        };
        if (value == null) {
            return s;
        }
        warnings.accept(s.location() + ": " + path + ": \"" + s.text()
                + "\" for boolean is not supported by YAML 1.2, please use `" + value + "`");
        return new ScalarNode(value.toString(), ScalarKind.BOOL, s.location(), s.tag());
    }
}
