package dev.jcompose.environment;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable set of variables used for interpolation and for {@code KEY}-only environment entries.
 * Sorted, so anything derived from it is deterministic.
 */
public record Environment(SortedMap<String, String> variables) {
    public static final Environment EMPTY = new Environment(new TreeMap<>());

    public Environment {
        variables = Collections.unmodifiableSortedMap(new TreeMap<>(variables));
    }

    public static Environment of(Map<String, String> variables) {
        return new Environment(new TreeMap<>(variables));
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    public boolean has(String name) {
        return variables.containsKey(name);
    }

    /** A new environment where {@code overrides} win over this one's values. */
    public Environment overriddenBy(Map<String, String> overrides) {
        TreeMap<String, String> m = new TreeMap<>(variables);
        m.putAll(overrides);
        return new Environment(m);
    }
}
