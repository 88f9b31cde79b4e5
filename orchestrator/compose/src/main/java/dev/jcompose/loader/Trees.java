package dev.jcompose.loader;

import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import java.util.Objects;

/** Structural comparisons of trees that ignore where nodes were written. */
final class Trees {
    private Trees() {}

    /** Same shape and values, mapping key order and locations aside (compose-go compares with DeepEqual). */
    static boolean sameContent(Node a, Node b) {
        return switch (a) {
            case ScalarNode s ->
                b instanceof ScalarNode t && s.kind() == t.kind() && Objects.equals(s.text(), t.text());
            case SeqNode s -> {
                if (!(b instanceof SeqNode t) || s.size() != t.size()) {
                    yield false;
                }
                for (int i = 0; i < s.size(); i++) {
                    if (!sameContent(s.get(i), t.get(i))) {
                        yield false;
                    }
                }
                yield true;
            }
            case MapNode m -> {
                if (!(b instanceof MapNode n) || m.size() != n.size()) {
                    yield false;
                }
                for (MapNode.Field f : m.fields()) {
                    Node other = n.get(f.key()).orElse(null);
                    if (other == null || !sameContent(f.value(), other)) {
                        yield false;
                    }
                }
                yield true;
            }
        };
    }
}
