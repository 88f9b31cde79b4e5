package dev.jcompose.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a command will do, from the planner to the executor unchanged: steps in an order where every
 * step comes after the steps it depends on (so running them one by one is valid; the executor runs
 * independent steps together), and the warnings to show the user before acting.
 *
 * <p>Construction is the one validation: ids are unique and every dependency names an earlier
 * step, so a plan has no cycle and an executor never meets a plan it cannot finish.
 *
 * @param <O> the operation: {@link Operation} for the planner's plans; the executor never looks
 *     inside it
 */
public final class Plan<O> {
    private final List<Step<O>> steps;
    private final List<String> warnings;
    private final Map<String, Step<O>> byId = new LinkedHashMap<>();
    private final Map<String, SortedSet<String>> dependents = new HashMap<>();

    public Plan(List<Step<O>> steps, List<String> warnings) {
        this.steps = List.copyOf(steps);
        this.warnings = List.copyOf(warnings);
        for (Step<O> step : this.steps) {
            for (String dependency : step.dependsOn()) {
                if (!byId.containsKey(dependency)) {
                    throw notEarlier(step, dependency);
                }
                dependents.computeIfAbsent(dependency, k -> new TreeSet<>()).add(step.id());
            }
            if (byId.putIfAbsent(step.id(), step) != null) {
                throw new PlanException(
                        "plan step \"" + step.id() + "\" is defined twice",
                        "the planner must give every step a unique id");
            }
        }
        dependents.replaceAll((id, ids) -> Collections.unmodifiableSortedSet(ids));
    }

    public static <O> Builder<O> builder() {
        return new Builder<>();
    }

    /** In the order given, which is an order to run them in. */
    public List<Step<O>> steps() {
        return steps;
    }

    public List<String> warnings() {
        return warnings;
    }

    public Step<O> step(String id) {
        Step<O> step = byId.get(id);
        if (step == null) {
            throw new IllegalArgumentException("no plan step \"" + id + "\"");
        }
        return step;
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public int size() {
        return steps.size();
    }

    /** The steps that directly depend on {@code id}, by id. */
    public SortedSet<String> dependents(String id) {
        return dependents.getOrDefault(id, Collections.emptySortedSet());
    }

    /** Everything reachable from {@code id} through dependents (not {@code id} itself), by id. */
    public SortedSet<String> transitiveDependents(String id) {
        SortedSet<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(dependents(id));
        while (!todo.isEmpty()) {
            String next = todo.removeLast();
            if (seen.add(next)) {
                todo.addAll(dependents(next));
            }
        }
        return Collections.unmodifiableSortedSet(seen);
    }

    /**
     * Warnings first ({@code warning: ...}), then one line per step ({@link Step#render}); empty
     * text for an empty plan. The planner's plans render with {@code Operation::describe}.
     */
    public String render(Function<? super O, String> operationText) {
        StringBuilder out = new StringBuilder();
        warnings.forEach(w -> out.append("warning: ").append(w).append('\n'));
        steps.forEach(s -> out.append(s.render(operationText)).append('\n'));
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Plan<?> other && steps.equals(other.steps) && warnings.equals(other.warnings);
    }

    @Override
    public int hashCode() {
        return 31 * steps.hashCode() + warnings.hashCode();
    }

    @Override
    public String toString() {
        return "Plan[steps=" + steps + ", warnings=" + warnings + "]";
    }

    private PlanException notEarlier(Step<O> step, String dependency) {
        boolean known = steps.stream().anyMatch(s -> s.id().equals(dependency));
        if (!known) {
            return new PlanException(
                    "plan step \"" + step.id() + "\" depends on unknown step \"" + dependency + "\"",
                    "the planner must add \"" + dependency + "\" to the plan or drop the dependency");
        }
        return new PlanException(
                "plan step \"" + step.id() + "\" depends on \"" + dependency + "\", not an earlier step",
                "the planner must put every step after the steps it depends on; steps that cannot be"
                        + " ordered so form a cycle (check depends_on / links for a loop)");
    }

    /** Collects steps in the order to run them; {@link #build()} validates. */
    public static final class Builder<O> {
        private final List<Step<O>> steps = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        private Builder() {}

        public Builder<O> add(String id, O op, String... dependsOn) {
            steps.add(new Step<>(id, op, List.of(dependsOn)));
            return this;
        }

        public Builder<O> warn(String warning) {
            warnings.add(warning);
            return this;
        }

        public Plan<O> build() {
            return new Plan<>(steps, warnings);
        }
    }
}
