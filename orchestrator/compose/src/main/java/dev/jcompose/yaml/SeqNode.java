package dev.jcompose.yaml;

import java.util.List;
import java.util.Objects;

/** A YAML sequence. */
public record SeqNode(List<Node> items, Location location, Tag tag) implements Node {
    public SeqNode {
        items = List.copyOf(items);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(tag, "tag");
    }

    public SeqNode(List<Node> items, Location location) {
        this(items, location, Tag.NONE);
    }

    public Node get(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    public SeqNode withItems(List<Node> newItems) {
        return new SeqNode(newItems, location, tag);
    }

    @Override
    public SeqNode withTag(Tag newTag) {
        return new SeqNode(items, location, newTag);
    }

    @Override
    public String kindName() {
        return "a sequence";
    }
}
