package dev.jcompose.merge;

import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.Tag;
import dev.jcompose.yaml.YamlPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code extra_hosts} merge: both sides become lists of {@code host=address} entries and the
 * override's entries not already present are appended (compose-go's mergeExtraHosts). A host may
 * legitimately map to several addresses, so entries are unioned, never replaced by host name.
 */
final class ExtraHosts {
    private ExtraHosts() {}

    static SeqNode union(Node base, Node over, YamlPath path) {
        List<Node> items = new ArrayList<>(entries(base, path));
        Set<String> seen = new HashSet<>();
        items.forEach(i -> seen.add(key(i)));
        for (Node o : entries(over, path)) {
            if (seen.add(key(o))) {
                items.add(o);
            }
        }
        return new SeqNode(items, base.location());
    }

    private static List<Node> entries(Node node, YamlPath path) {
        List<Node> out = new ArrayList<>();
        switch (node) {
            case SeqNode seq ->
                seq.items().stream().filter(i -> i.tag() != Tag.RESET).forEach(i -> out.add(Merger.clean(i)));
            case MapNode map -> {
                for (MapNode.Field f : map.fields()) {
                    Node v = f.value();
                    List<Node> addresses = v instanceof SeqNode s ? s.items() : List.of(v);
                    for (Node a : addresses) {
                        String ip = SequenceKeys.text(a);
                        out.add(ScalarNode.string(ip == null ? f.key() : f.key() + "=" + ip, a.location()));
                    }
                }
            }
            case ScalarNode s ->
                throw new ComposeFileException(
                        s.location(),
                        path,
                        "extra_hosts must be a list or a mapping, not " + s.kindName(),
                        "write host=address entries as a list, or host: address as a mapping");
        }
        return out;
    }

    /** host and address, whichever separator ({@code =} or the first {@code :}) the entry used. */
    private static String key(Node entry) {
        String t = SequenceKeys.text(entry);
        if (t == null) {
            return "\0" + System.identityHashCode(entry);
        }
        int eq = t.indexOf('=');
        int sep = eq >= 0 ? eq : t.indexOf(':');
        return sep < 0
                ? t
                : t.substring(0, sep).trim() + "=" + t.substring(sep + 1).trim();
    }
}
