package dev.jcompose.yaml;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The immutable field list of a {@link MapNode} with a key index, so that looking a key up costs
 * the same in a mapping of 50,000 services as in one of three (a project's tree is queried by key
 * everywhere; a linear scan made large files quadratic). Building it also rejects duplicate keys.
 */
final class IndexedFields extends AbstractList<MapNode.Field> implements RandomAccess {
    private final MapNode.Field[] fields;
    private final Map<String, MapNode.Field> byKey;

    private IndexedFields(MapNode.Field[] fields) {
        this.fields = fields;
        this.byKey = HashMap.newHashMap(fields.length);
        for (MapNode.Field f : fields) {
            if (byKey.putIfAbsent(f.key(), f) != null) {
                throw new IllegalArgumentException("duplicate key " + f.key() + " at " + f.keyLocation());
            }
        }
    }

    static IndexedFields of(List<MapNode.Field> fields) {
        if (fields instanceof IndexedFields indexed) {
            return indexed;
        }
        MapNode.Field[] copy = fields.toArray(new MapNode.Field[0]);
        for (MapNode.Field f : copy) {
            java.util.Objects.requireNonNull(f, "field");
        }
        return new IndexedFields(copy);
    }

    MapNode.Field lookup(String key) {
        return byKey.get(key);
    }

    @Override
    public MapNode.Field get(int index) {
        return fields[index];
    }

    @Override
    public int size() {
        return fields.length;
    }
}
