package dev.jcompose.merge;

import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.Tag;
import dev.jcompose.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Merges compose documents the way docker compose does (compose-spec merge.md, compose-go's
 * override package): mappings recursively, sequences appended then de-duplicated by their resource
 * key ({@link SequenceKeys}), scalars replaced, plus the special rules of {@link MergeRule}.
 *
 * <p>{@code !reset} on an override value removes the key from the result; {@code !override}
 * replaces the base value instead of merging with it. Results carry no tags and no reset values,
 * except from {@link #extend}, which keeps the extending service's tags so that they still apply
 * when its file is merged over earlier files (as compose-go's reset processor does).
 *
 * <p>Locations: a replaced value keeps the override's location, a merged mapping or sequence keeps
 * the base's, and every entry keeps its own.
 */
public final class Merger {

    /** Merges {@code override} over {@code base}; the result is clean and de-duplicated. */
    public MapNode merge(MapNode base, MapNode override) {
        Node merged = mergeNode(clean(base), override, YamlPath.ROOT, false);
        return (MapNode) unique(merged, YamlPath.ROOT);
    }

    /** One document on its own: its tags and reset values dropped, sequences de-duplicated. */
    public MapNode single(MapNode document) {
        return merge(MapNode.empty(document.location()), document);
    }

    /**
     * Merges an extending service over its (resolved) base, at {@code services.<name>}; the
     * extending service's {@code !reset}/{@code !override} tags are kept in the result.
     */
    public MapNode extend(MapNode base, MapNode service, String serviceName) {
        Node merged = mergeNode(clean(base), service, YamlPath.of("services", serviceName), true);
        return (MapNode) merged;
    }

    /** A copy without tags and without {@code !reset} values. */
    public static Node clean(Node node) {
        return switch (node) {
            case MapNode m ->
                new MapNode(
                        m.fields().stream()
                                .filter(f -> f.value().tag() != Tag.RESET)
                                .map(f -> f.withValue(clean(f.value())))
                                .toList(),
                        m.location());
            case SeqNode s ->
                new SeqNode(
                        s.items().stream()
                                .filter(i -> i.tag() != Tag.RESET)
                                .map(Merger::clean)
                                .toList(),
                        s.location());
            case ScalarNode s -> s.withTag(Tag.NONE);
        };
    }

    private static Node finish(Node node, boolean retain) {
        return retain ? node : clean(node);
    }

    private Node mergeNode(Node base, Node over, YamlPath path, boolean retain) {
        if (over.tag() == Tag.OVERRIDE || over.tag() == Tag.RESET) {
            return finish(over, retain);
        }
        MergeRule rule = MergeRule.at(path);
        if (rule == MergeRule.REPLACE || rule == MergeRule.ULIMIT && !bothMaps(base, over)) {
            return finish(over, retain);
        }
        if (isNull(over)) {
            // compose keeps the base when an override is null, except for KEY=VALUE entries,
            // where a bare KEY (null) is itself a value ("take it from the environment").
            return MergeRule.isKeyValueEntry(path) ? finish(over, retain) : base;
        }
        if (isNull(base)) {
            return finish(over, retain);
        }
        return switch (rule) {
            case KEY_VALUE -> mergeKeyValue(base, over, path, retain);
            case NAMES_OR_MAPPING -> mergeNames(base, over, path, retain);
            case BUILD -> mergeDefault(buildMapping(base), buildMapping(over), path, retain);
            case LOGGING ->
                differentDrivers(base, over) ? finish(over, retain) : mergeDefault(base, over, path, retain);
            case EXTRA_HOSTS -> ExtraHosts.union(base, over, path);
            case STRING_OR_LIST -> mergeDefault(asList(base), asList(over), path, retain);
            case IPAM_CONFIG ->
                base instanceof SeqNode b && over instanceof SeqNode o
                        ? mergeBySubnet(b, o, path, retain)
                        : mergeDefault(base, over, path, retain);
            default -> mergeDefault(base, over, path, retain);
        };
    }

    private Node mergeDefault(Node base, Node over, YamlPath path, boolean retain) {
        if (base instanceof MapNode b && over instanceof MapNode o) {
            return mergeMaps(b, o, path, retain);
        }
        if (base instanceof SeqNode b && over instanceof SeqNode o) {
            return append(b, o, path, retain);
        }
        if (base instanceof ScalarNode) {
            return finish(over, retain);
        }
        throw mismatch(base, over, path);
    }

    private MapNode mergeMaps(MapNode base, MapNode over, YamlPath path, boolean retain) {
        List<MapNode.Field> out = new ArrayList<>(base.size() + over.size());
        for (MapNode.Field f : base.fields()) {
            Optional<MapNode.Field> o = over.field(f.key());
            if (o.isEmpty()) {
                out.add(f);
            } else if (o.get().value().tag() == Tag.RESET) {
                if (retain) {
                    out.add(o.get());
                }
            } else if (o.get().value().tag() == Tag.OVERRIDE) {
                out.add(new MapNode.Field(
                        f.key(), o.get().keyLocation(), finish(o.get().value(), retain)));
            } else {
                out.add(f.withValue(mergeNode(f.value(), o.get().value(), path.key(f.key()), retain)));
            }
        }
        for (MapNode.Field o : over.fields()) {
            if (!base.has(o.key()) && (retain || o.value().tag() != Tag.RESET)) {
                out.add(o.withValue(finish(o.value(), retain)));
            }
        }
        return new MapNode(out, base.location());
    }

    private SeqNode append(SeqNode base, SeqNode over, YamlPath path, boolean retain) {
        List<Node> items = new ArrayList<>(base.items());
        for (Node item : over.items()) {
            if (retain || item.tag() != Tag.RESET) {
                items.add(finish(item, retain));
            }
        }
        SeqNode merged = new SeqNode(items, base.location());
        return SequenceKeys.at(path).map(ix -> SequenceKeys.dedupe(merged, ix)).orElse(merged);
    }

    private Node mergeKeyValue(Node base, Node over, YamlPath path, boolean retain) {
        if (base instanceof SeqNode b && over instanceof SeqNode o) {
            return append(b, o, path, retain);
        }
        return mergeDefault(ListToMapping.toMapping(base, path), ListToMapping.toMapping(over, path), path, retain);
    }

    private Node mergeNames(Node base, Node over, YamlPath path, boolean retain) {
        if (base instanceof SeqNode b && over instanceof SeqNode o) {
            return append(b, o, path, retain);
        }
        return mergeDefault(
                ListToMapping.namesToMapping(base, path), ListToMapping.namesToMapping(over, path), path, retain);
    }

    private SeqNode mergeBySubnet(SeqNode base, SeqNode over, YamlPath path, boolean retain) {
        List<Node> items = new ArrayList<>(base.items());
        for (Node o : over.items()) {
            int at = indexOfSubnet(items, subnet(o));
            if (at >= 0 && items.get(at) instanceof MapNode b && o instanceof MapNode om) {
                items.set(at, mergeMaps(b, om, path.index(at), retain));
            } else {
                items.add(finish(o, retain));
            }
        }
        return new SeqNode(items, base.location());
    }

    private static int indexOfSubnet(List<Node> items, String subnet) {
        for (int i = 0; subnet != null && i < items.size(); i++) {
            if (subnet.equals(subnet(items.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static String subnet(Node n) {
        return n instanceof MapNode m ? m.get("subnet").map(SequenceKeys::text).orElse(null) : null;
    }

    private static Node buildMapping(Node build) {
        if (build instanceof ScalarNode s && !s.isNull()) {
            return new MapNode(List.of(new MapNode.Field("context", s.location(), s)), s.location(), s.tag());
        }
        return build;
    }

    private static Node asList(Node n) {
        return n instanceof ScalarNode s && !s.isNull() ? new SeqNode(List.of(s), s.location()) : n;
    }

    private static boolean differentDrivers(Node base, Node over) {
        if (!(base instanceof MapNode b) || !(over instanceof MapNode o)) {
            return false;
        }
        String bd = b.get("driver").map(SequenceKeys::text).orElse(null);
        String od = o.get("driver").map(SequenceKeys::text).orElse(null);
        return bd != null && od != null && !bd.equals(od);
    }

    private static boolean bothMaps(Node a, Node b) {
        return a instanceof MapNode && b instanceof MapNode;
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.isNull();
    }

    private static ComposeFileException mismatch(Node base, Node over, YamlPath path) {
        return new ComposeFileException(
                over.location(),
                path,
                "cannot override " + base.kindName() + " (defined at " + base.location() + ") with " + over.kindName(),
                "write the value with the same syntax as the file it overrides, or tag it !override to"
                        + " replace it");
    }

    /** De-duplicates every keyed sequence of {@code node} (compose-go's EnforceUnicity). */
    private static Node unique(Node node, YamlPath path) {
        return switch (node) {
            case MapNode m -> {
                List<MapNode.Field> fields = new ArrayList<>(m.size());
                for (MapNode.Field f : m.fields()) {
                    fields.add(f.withValue(unique(f.value(), path.key(f.key()))));
                }
                yield m.withFields(fields);
            }
            case SeqNode s ->
                SequenceKeys.at(path).map(ix -> SequenceKeys.dedupe(s, ix)).orElse(s);
            case ScalarNode s -> s;
        };
    }
}
