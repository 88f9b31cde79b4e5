package dev.jcompose.merge;

import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The uniqueness keys of compose sequences (compose-go's "unicity" rules): two entries with the
 * same key are one resource, and the later entry replaces the earlier one in its place. Entries
 * whose key cannot be computed (malformed; the normaliser reports them) are never merged.
 */
final class SequenceKeys {
    /** Computes an entry's key, or {@code null} when it has none. */
    interface Indexer extends Function<Node, String> {}

    private static final Indexer TEXT = SequenceKeys::text;
    private static final Indexer KEY_VALUE = n -> {
        String t = text(n);
        return t == null ? null : t.split("=", 2)[0];
    };

    private static final Map<String, Indexer> SERVICE_KEYS = new HashMap<>();

    static {
        SERVICE_KEYS.put("ports", PortKey::of);
        SERVICE_KEYS.put("volumes", SequenceKeys::volumeTarget);
        SERVICE_KEYS.put("devices", SequenceKeys::deviceTarget);
        SERVICE_KEYS.put("secrets", n -> mountTarget(n, "/run/secrets/"));
        SERVICE_KEYS.put("configs", n -> mountTarget(n, "/"));
        SERVICE_KEYS.put(
                "env_file",
                n -> n instanceof MapNode m
                        ? m.get("path").map(SequenceKeys::text).orElse(null)
                        : text(n));
        for (String k : List.of("environment", "labels", "annotations", "sysctls")) {
            SERVICE_KEYS.put(k, KEY_VALUE);
        }
        for (String k : List.of(
                "expose",
                "cap_add",
                "cap_drop",
                "dns",
                "dns_opt",
                "dns_search",
                "tmpfs",
                "profiles",
                "links",
                "external_links",
                "volumes_from",
                "security_opt",
                "label_file",
                "depends_on",
                "networks",
                "models")) {
            SERVICE_KEYS.put(k, TEXT);
        }
    }

    private SequenceKeys() {}

    static Optional<Indexer> at(YamlPath path) {
        int d = path.depth();
        if (d < 3 || !"services".equals(path.segment(0))) {
            return topLevel(path);
        }
        Object s2 = path.segment(2);
        if (d == 3 && s2 instanceof String key) {
            return Optional.ofNullable(SERVICE_KEYS.get(key));
        }
        if (d == 4 && "build".equals(s2) && path.segment(3) instanceof String key) {
            return switch (key) {
                case "args", "labels", "additional_contexts" -> Optional.of(KEY_VALUE);
                case "tags", "platforms", "cache_from", "cache_to" -> Optional.of(TEXT);
                default -> Optional.empty();
            };
        }
        if (d == 4 && "deploy".equals(s2) && "labels".equals(path.segment(3))) {
            return Optional.of(KEY_VALUE);
        }
        if (d == 5
                && "networks".equals(s2)
                && ("aliases".equals(path.segment(4)) || "link_local_ips".equals(path.segment(4)))) {
            return Optional.of(TEXT);
        }
        return Optional.empty();
    }

    private static Optional<Indexer> topLevel(YamlPath path) {
        if (path.depth() == 3
                && "labels".equals(path.segment(2))
                && List.of("networks", "volumes", "secrets", "configs").contains(path.segment(0))) {
            return Optional.of(KEY_VALUE);
        }
        return Optional.empty();
    }

    /** Keeps one entry per key: the last one, at the position of the first. */
    static List<Node> dedupe(List<Node> items, Indexer indexer) {
        List<Node> out = new ArrayList<>(items.size());
        Map<String, Integer> seen = new HashMap<>();
        for (Node item : items) {
            String key = indexer.apply(item);
            Integer at = key == null ? null : seen.get(key);
            if (at != null) {
                out.set(at, item);
            } else {
                if (key != null) {
                    seen.put(key, out.size());
                }
                out.add(item);
            }
        }
        return out;
    }

    static SeqNode dedupe(SeqNode seq, Indexer indexer) {
        List<Node> items = dedupe(seq.items(), indexer);
        return items.size() == seq.size() && items.equals(seq.items()) ? seq : seq.withItems(items);
    }

    static String text(Node n) {
        return n instanceof ScalarNode s && !s.isNull() ? s.text() : null;
    }

    private static String volumeTarget(Node n) {
        if (n instanceof MapNode m) {
            return m.get("target").map(SequenceKeys::text).orElse(null);
        }
        String t = text(n);
        if (t == null) {
            return null;
        }
        String[] parts = t.split(":", -1);
        return parts.length == 1 ? parts[0] : parts[1];
    }

    private static String deviceTarget(Node n) {
        // devices share the volumes syntax: host[:container[:permissions]]
        return volumeTarget(n);
    }

    private static String mountTarget(Node n, String defaultDir) {
        if (n instanceof MapNode m) {
            String target = m.get("target").map(SequenceKeys::text).orElse(null);
            if (target != null) {
                return target.startsWith("/") ? target : defaultDir + target;
            }
            String source = m.get("source").map(SequenceKeys::text).orElse(null);
            return source == null ? null : defaultDir + source;
        }
        String t = text(n);
        return t == null ? null : defaultDir + t;
    }
}
