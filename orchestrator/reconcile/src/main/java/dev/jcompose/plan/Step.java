package dev.jcompose.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One node of a plan: a unique id, what to do, and the ids of the steps that must succeed first
 * (de-duplicated, in the order given).
 *
 * @param <O> the operation: {@link Operation} for the planner's plans; the executor never looks
 *     inside it
 */
public record Step<O>(String id, O op, List<String> dependsOn) {
    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(op, "op");
        if (id.isBlank()) {
            throw new PlanException("plan step id is blank", "give every plan step a non-empty id");
        }
        dependsOn = List.copyOf(new LinkedHashSet<>(dependsOn));
    }

    /** {@code id: <operation text> [after a, b]}. */
    public String render(Function<? super O, String> operationText) {
        String line = id + ": " + operationText.apply(op);
        return dependsOn.isEmpty() ? line : line + " [after " + String.join(", ", dependsOn) + "]";
    }
}
