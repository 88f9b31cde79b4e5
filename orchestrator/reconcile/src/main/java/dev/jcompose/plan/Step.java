package dev.jcompose.plan;

import java.util.List;
import java.util.Objects;

/** One node of a plan: a unique id, what to do, and the ids of the steps that must finish first. */
public record Step(String id, Operation op, List<String> dependsOn) {
    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(op, "op");
        dependsOn = List.copyOf(dependsOn);
    }

    /** {@code id: description [after a, b]}. */
    public String render() {
        String line = id + ": " + op.describe();
        return dependsOn.isEmpty() ? line : line + " [after " + String.join(", ", dependsOn) + "]";
    }
}
