package dev.jcompose.schema;

import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarKind;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Factories for the nodes of the canonical tree: typed scalars and mappings in a fixed key order. */
public final class Canonical {
    private Canonical() {}

    public static ScalarNode string(String text, Location at) {
        return new ScalarNode(text, ScalarKind.STRING, at, Tag.NONE);
    }

    public static ScalarNode integer(long value, Location at) {
        return new ScalarNode(Long.toString(value), ScalarKind.INT, at, Tag.NONE);
    }

    public static ScalarNode bool(boolean value, Location at) {
        return new ScalarNode(Boolean.toString(value), ScalarKind.BOOL, at, Tag.NONE);
    }

    /** A float32 written the way Go's encoding/json writes it: shortest form, no ".0". */
    public static ScalarNode float32(float value, Location at) {
        String text = new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
        return new ScalarNode(text, ScalarKind.FLOAT, at, Tag.NONE);
    }

    public static ScalarNode nul(Location at) {
        return ScalarNode.nullAt(at);
    }

    public static SeqNode seq(List<? extends Node> items, Location at) {
        return new SeqNode(new ArrayList<>(items), at);
    }

    public static SeqNode strings(List<String> items, Location at) {
        return seq(items.stream().map(s -> string(s, at)).toList(), at);
    }

    /** A mapping under construction; {@code put(key, null)} leaves the key out (Go's omitempty). */
    public static final class Obj {
        private final Location location;
        private final Map<String, MapNode.Field> fields = new LinkedHashMap<>();

        public Obj(Location location) {
            this.location = location;
        }

        public Obj put(String key, Node value) {
            return value == null ? this : put(key, value.location(), value);
        }

        public Obj put(String key, Location keyLocation, Node value) {
            if (value != null) {
                fields.put(key, new MapNode.Field(key, keyLocation, value));
            }
            return this;
        }

        public Obj remove(String key) {
            fields.remove(key);
            return this;
        }

        public boolean has(String key) {
            return fields.containsKey(key);
        }

        public Node get(String key) {
            MapNode.Field f = fields.get(key);
            return f == null ? null : f.value();
        }

        public boolean isEmpty() {
            return fields.isEmpty();
        }

        /** Keys in insertion order. */
        public MapNode build() {
            return new MapNode(new ArrayList<>(fields.values()), location);
        }

        /** Keys sorted, as Go's encoding/json writes a map. */
        public MapNode sorted() {
            List<MapNode.Field> out = new ArrayList<>(fields.values());
            out.sort(Comparator.comparing(MapNode.Field::key));
            return new MapNode(out, location);
        }

        /** Keys in {@code order} (a Go struct's field order), then any others ({@code x-*}) sorted. */
        public MapNode ordered(List<String> order) {
            List<MapNode.Field> out = new ArrayList<>();
            for (String k : order) {
                if (fields.containsKey(k)) {
                    out.add(fields.get(k));
                }
            }
            fields.values().stream()
                    .filter(f -> !order.contains(f.key()))
                    .sorted(Comparator.comparing(MapNode.Field::key))
                    .forEach(out::add);
            return new MapNode(out, location);
        }
    }
}
