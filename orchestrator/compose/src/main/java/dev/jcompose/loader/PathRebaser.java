package dev.jcompose.loader;

import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Makes the relative paths of a service (or of a whole model) absolute against the directory they
 * were written for. Needed where a tree leaves its own file's context: a service extended from
 * another file, a project pulled in by {@code include}. compose-go resolves those the same way;
 * paths of the main files stay relative and are resolved by the normaliser.
 *
 * <p>Covered: build (short form, context, additional_contexts), env_file, label_file, bind sources
 * of volumes (short and long syntax), extends.file, develop.watch paths, configs/secrets file.
 */
final class PathRebaser {
    private PathRebaser() {}

    /** Every service and top-level config/secret file of {@code model}. */
    static MapNode model(MapNode model, Path dir) {
        return model.mapValues((key, value) -> switch (key) {
            case "services" -> value instanceof MapNode s ? s.mapValues((n, svc) -> service(svc, dir)) : value;
            case "configs", "secrets" ->
                value instanceof MapNode m ? m.mapValues((n, def) -> at(def, "file", v -> path(v, dir))) : value;
            default -> value;
        });
    }

    static Node service(Node service, Path dir) {
        if (!(service instanceof MapNode svc)) {
            return service;
        }
        return svc.mapValues((key, value) -> switch (key) {
            case "build" -> build(value, dir);
            case "env_file", "label_file" ->
                eachItem(value, v -> v instanceof MapNode m ? at(m, "path", p -> path(p, dir)) : path(v, dir));
            case "volumes" -> eachItem(value, v -> volume(v, dir));
            case "extends" -> at(value, "file", v -> path(v, dir));
            case "develop" -> at(value, "watch", w -> eachItem(w, item -> at(item, "path", p -> path(p, dir))));
            default -> value;
        });
    }

    private static Node build(Node build, Path dir) {
        if (build instanceof ScalarNode) {
            return context(build, dir);
        }
        Node withContext = at(build, "context", v -> context(v, dir));
        return at(
                withContext,
                "additional_contexts",
                v -> v instanceof MapNode m
                        ? m.mapValues((k, c) -> context(c, dir))
                        : eachItem(
                                v,
                                item -> rewrite(item, s -> {
                                    int eq = s.indexOf('=');
                                    return eq < 0 ? s : s.substring(0, eq + 1) + contextPath(s.substring(eq + 1), dir);
                                })));
    }

    private static Node volume(Node volume, Path dir) {
        if (volume instanceof MapNode m) {
            String type = m.get("type").map(PathRebaser::text).orElse("");
            return type.equals("bind") ? at(m, "source", v -> path(v, dir)) : m;
        }
        return rewrite(volume, s -> {
            int colon = s.indexOf(':');
            if (colon < 0 || !s.startsWith(".")) {
                return s;
            }
            return relative(s.substring(0, colon), dir) + s.substring(colon);
        });
    }

    private static Node context(Node n, Path dir) {
        return rewrite(n, s -> contextPath(s, dir));
    }

    private static String contextPath(String s, Path dir) {
        boolean remote = s.contains("://")
                || s.startsWith("git@")
                || s.startsWith("github.com/")
                || s.startsWith("service:")
                || s.startsWith("target:");
        return remote ? s : absolute(s, dir);
    }

    private static Node path(Node n, Path dir) {
        return rewrite(n, s -> absolute(s, dir));
    }

    private static String absolute(String s, Path dir) {
        return s.isEmpty() || s.startsWith("/") || s.startsWith("~") ? s : relative(s, dir);
    }

    private static String relative(String s, Path dir) {
        return dir.resolve(s).normalize().toString();
    }

    private static Node rewrite(Node n, UnaryOperator<String> fn) {
        return n instanceof ScalarNode s && !s.isNull()
                ? new ScalarNode(fn.apply(s.text()), s.kind(), s.location(), s.tag())
                : n;
    }

    private static Node eachItem(Node n, UnaryOperator<Node> fn) {
        if (n instanceof SeqNode seq) {
            return seq.withItems(seq.items().stream().map(fn).toList());
        }
        return n instanceof ScalarNode ? fn.apply(n) : n;
    }

    private static Node at(Node n, String key, UnaryOperator<Node> fn) {
        if (n instanceof MapNode m && m.has(key)) {
            return m.with(key, fn.apply(m.get(key).orElseThrow()));
        }
        return n;
    }

    private static String text(Node n) {
        return n instanceof ScalarNode s && !s.isNull() ? s.text() : null;
    }
}
