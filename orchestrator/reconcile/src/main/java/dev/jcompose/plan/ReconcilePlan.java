package dev.jcompose.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a command will do: steps in an order where every step comes after the steps it depends on
 * (so running them one by one is valid; an executor may run independent steps together), and the
 * warnings to show the user before acting.
 */
public record ReconcilePlan(List<Step> steps, List<String> warnings) {
    public ReconcilePlan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
        Set<String> seen = new HashSet<>();
        for (Step s : steps) {
            for (String dep : s.dependsOn()) {
                if (!seen.contains(dep)) {
                    throw new IllegalArgumentException(
                            "step " + s.id() + " depends on " + dep + ", not an earlier step");
                }
            }
            if (!seen.add(s.id())) {
                throw new IllegalArgumentException("duplicate step id " + s.id());
            }
        }
    }

    /**
     * The image phase alone: the pull and build steps (they depend on nothing). A pull can bring a
     * new image for an existing container, which the plan could not foresee; to recreate such
     * containers in the same command, as compose does, run this phase, observe again and plan
     * again with {@link PlanOptions#afterImages()}.
     */
    public ReconcilePlan imageSteps() {
        return new ReconcilePlan(
                steps.stream()
                        .filter(s -> s.op() instanceof Operation.PullImage || s.op() instanceof Operation.BuildImage)
                        .toList(),
                warnings);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Warnings first ({@code warning: ...}), then one line per step; empty text for an empty plan. */
    public String render() {
        StringBuilder out = new StringBuilder();
        warnings.forEach(w -> out.append("warning: ").append(w).append('\n'));
        steps.forEach(s -> out.append(s.render()).append('\n'));
        return out.toString();
    }
}
