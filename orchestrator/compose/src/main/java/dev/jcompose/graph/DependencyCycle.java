package dev.jcompose.graph;

import java.util.List;

/**
 * A dependency cycle in stable form: it starts and ends at its alphabetically smallest service and
 * follows {@code depends_on} direction, so {@code a -> b -> c -> a} means a waits for b, b for c.
 */
public record DependencyCycle(List<String> path) {
    public DependencyCycle {
        path = List.copyOf(path);
        if (path.size() < 2 || !path.getFirst().equals(path.getLast())) {
            throw new IllegalArgumentException("a cycle starts and ends at the same service: " + path);
        }
    }

    /** The first service of the cycle, which is also its smallest name. */
    public String start() {
        return path.getFirst();
    }

    /** The service {@link #start()} depends on along the cycle. */
    public String next() {
        return path.get(1);
    }

    @Override
    public String toString() {
        return String.join(" -> ", path);
    }
}
