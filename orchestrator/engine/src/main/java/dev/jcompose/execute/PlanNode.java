package dev.jcompose.execute;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One step of a plan: an operation record and the ids of the nodes that must succeed before it.
 *
 * @param <O> the operation record type (the planner's data; the executor never looks inside)
 */
public record PlanNode<O>(String id, O operation, SortedSet<String> dependencies) {
    public PlanNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        if (id.isBlank()) {
            throw new PlanException("plan node id is blank", "give every plan node a non-empty id");
        }
        dependencies = Collections.unmodifiableSortedSet(new TreeSet<>(dependencies));
    }
}
