package dev.jcompose.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A YAML mapping with string keys, in source order. Keys are unique (the reader rejects duplicates),
 * and each key keeps its own location so "unknown key" errors point at the key, not at its value.
 */
public record MapNode(List<Field> fields, Location location, Tag tag) implements Node {

    /** One key/value pair. */
    public record Field(String key, Location keyLocation, Node value) {
        public Field {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(keyLocation, "keyLocation");
            Objects.requireNonNull(value, "value");
        }

        public Field withValue(Node newValue) {
            return new Field(key, keyLocation, newValue);
        }
    }

    public MapNode {
        fields = IndexedFields.of(fields);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(tag, "tag");
    }

    public MapNode(List<Field> fields, Location location) {
        this(fields, location, Tag.NONE);
    }

    public static MapNode empty(Location location) {
        return new MapNode(List.of(), location, Tag.NONE);
    }

    public Optional<Node> get(String key) {
        return field(key).map(Field::value);
    }

    public Optional<Field> field(String key) {
        return Optional.ofNullable(((IndexedFields) fields).lookup(key));
    }

    public boolean has(String key) {
        return field(key).isPresent();
    }

    public List<String> keys() {
        return fields.stream().map(Field::key).toList();
    }

    public int size() {
        return fields.size();
    }

    /** A copy with {@code key} set to {@code value}: replaced in place if present, appended if not. */
    public MapNode with(String key, Node value) {
        List<Field> out = new ArrayList<>(fields.size() + 1);
        boolean replaced = false;
        for (Field f : fields) {
            if (!replaced && f.key().equals(key)) {
                out.add(f.withValue(value));
                replaced = true;
            } else {
                out.add(f);
            }
        }
        if (!replaced) {
            out.add(new Field(key, value.location(), value));
        }
        return new MapNode(out, location, tag);
    }

    public MapNode without(String key) {
        return new MapNode(fields.stream().filter(f -> !f.key().equals(key)).toList(), location, tag);
    }

    /** A copy whose values are mapped by {@code fn(key, value)}; keys, order and locations are kept. */
    public MapNode mapValues(BiFunction<String, Node, Node> fn) {
        return new MapNode(
                fields.stream()
                        .map(f -> f.withValue(fn.apply(f.key(), f.value())))
                        .toList(),
                location,
                tag);
    }

    public MapNode withFields(List<Field> newFields) {
        return new MapNode(newFields, location, tag);
    }

    /** Keys to values, in source order. */
    public Map<String, Node> asMap() {
        Map<String, Node> m = new LinkedHashMap<>();
        fields.forEach(f -> m.put(f.key(), f.value()));
        return m;
    }

    @Override
    public MapNode withTag(Tag newTag) {
        return new MapNode(fields, location, newTag);
    }

    @Override
    public String kindName() {
        return "a mapping";
    }
}
