package dev.jcompose.merge;

import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.Tag;
import dev.jcompose.yaml.YamlPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the list forms of compose's "list or mapping" keys to mappings, just enough for a merge
 * by key: {@code - A=1} becomes {@code A: "1"}, {@code - A} becomes {@code A: null} (for environment,
 * "take it from the shell"), and a list of names ({@code depends_on}, {@code networks}) becomes a
 * mapping of names to null. The canonical normaliser gives the final form afterwards.
 */
final class ListToMapping {
    private ListToMapping() {}

    /** {@code KEY=VALUE} list to mapping; mappings and anything else are returned unchanged. */
    static Node toMapping(Node node, YamlPath path) {
        if (!(node instanceof SeqNode seq)) {
            return node;
        }
        Map<String, MapNode.Field> fields = new LinkedHashMap<>();
        for (int i = 0; i < seq.size(); i++) {
            Node item = seq.get(i);
            if (item.tag() == Tag.RESET) {
                continue;
            }
            String text = entryText(item, path.index(i), "KEY=VALUE");
            int eq = text.indexOf('=');
            Node value = eq < 0
                    ? ScalarNode.nullAt(item.location())
                    : ScalarNode.string(text.substring(eq + 1), item.location());
            String key = eq < 0 ? text : text.substring(0, eq);
            fields.remove(key); // the later entry wins, as in compose
            fields.put(key, new MapNode.Field(key, item.location(), value));
        }
        return new MapNode(List.copyOf(fields.values()), seq.location(), seq.tag());
    }

    /** List of names to a mapping of names to null. */
    static Node namesToMapping(Node node, YamlPath path) {
        if (!(node instanceof SeqNode seq)) {
            return node;
        }
        Map<String, MapNode.Field> fields = new LinkedHashMap<>();
        for (int i = 0; i < seq.size(); i++) {
            Node item = seq.get(i);
            if (item.tag() == Tag.RESET) {
                continue;
            }
            String name = entryText(item, path.index(i), "a name");
            fields.putIfAbsent(name, new MapNode.Field(name, item.location(), ScalarNode.nullAt(item.location())));
        }
        return new MapNode(List.copyOf(fields.values()), seq.location(), seq.tag());
    }

    private static String entryText(Node item, YamlPath path, String expected) {
        if (item instanceof ScalarNode s && !s.isNull()) {
            return s.text();
        }
        throw new ComposeFileException(
                item.location(),
                path,
                "expected " + expected + ", not " + item.kindName(),
                "write each list entry as a plain string, or use the mapping form");
    }
}
