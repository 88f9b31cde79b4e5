package dev.jcompose.loader;

import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Refuses a NUL character anywhere in a compose document (keys and values, after interpolation).
 * YAML lets one in through {@code "\0"} or a variable, but nothing a service is made of can hold
 * it: paths, arguments and environment entries are C strings for the kernel, and Java's paths
 * throw on it. Refusing it here, with its location, beats a failure deep in a later stage.
 */
final class NulCharacters {
    private NulCharacters() {}

    private record Item(Node node, YamlPath path) {}

    static void reject(MapNode document) {
        // Iterative: documents are bounded in depth, but a walk needs no stack of its own.
        Deque<Item> todo = new ArrayDeque<>();
        todo.push(new Item(document, YamlPath.ROOT));
        while (!todo.isEmpty()) {
            Item item = todo.pop();
            switch (item.node()) {
                case MapNode map -> {
                    for (MapNode.Field f : map.fields()) {
                        YamlPath p = item.path().key(f.key());
                        if (f.key().indexOf('\0') >= 0) {
                            throw error(f.keyLocation(), p);
                        }
                        todo.push(new Item(f.value(), p));
                    }
                }
                case SeqNode seq -> {
                    for (int i = 0; i < seq.size(); i++) {
                        todo.push(new Item(seq.get(i), item.path().index(i)));
                    }
                }
                case ScalarNode s -> {
                    if (!s.isNull() && s.text().indexOf('\0') >= 0) {
                        throw error(s.location(), item.path());
                    }
                }
            }
        }
    }

    private static ComposeFileException error(Location at, YamlPath path) {
        return new ComposeFileException(
                at,
                path,
                "contains a NUL character (\\0)",
                "remove it: paths, commands and environment values cannot hold NUL");
    }
}
