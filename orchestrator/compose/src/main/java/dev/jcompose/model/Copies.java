package dev.jcompose.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Immutable defensive copies for the model records: absent collections become empty ones. */
final class Copies {
    private Copies() {}

    static <T> List<T> list(List<T> in) {
        return in == null ? List.of() : List.copyOf(in);
    }

    /** A sorted, unmodifiable copy; values may be {@code null} (compose writes {@code "KEY": null}). */
    static <V> SortedMap<String, V> map(Map<String, V> in) {
        return in == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(in));
    }

    /** Extension keys ({@code x-...}) only; anything else reaching a record is a normaliser bug. */
    static SortedMap<String, Object> extensions(Map<String, Object> in) {
        if (in == null || in.isEmpty()) {
            return Collections.emptySortedMap();
        }
        for (String key : in.keySet()) {
            if (!key.startsWith("x-")) {
                throw new UnknownFieldException(key);
            }
        }
        return map(in);
    }

    /** A key that is neither a modelled field nor an {@code x-} extension. */
    static final class UnknownFieldException extends IllegalArgumentException {
        private final String field;

        UnknownFieldException(String field) {
            super("unknown field \"" + field + "\"");
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
