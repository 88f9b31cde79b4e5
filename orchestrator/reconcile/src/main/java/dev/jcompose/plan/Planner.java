package dev.jcompose.plan;

import dev.jcompose.observe.ObservedState;
import java.util.Map;

/**
 * The reconciler's decision half: compares the desired project with what exists and returns the
 * steps that converge one to the other. Pure: no I/O, same inputs give the same plan, text and all.
 */
public final class Planner {
    private Planner() {}

    public static Plan<Operation> plan(DesiredProject desired, ObservedState observed, PlanOptions options) {
        return switch (options.command()) {
            case UP -> new UpPlanner(desired, observed, options).plan();
            case DOWN -> new DownPlanner(desired, observed, options).plan();
            case START -> lifecycle(desired, observed, options, false, true);
            case STOP -> lifecycle(desired, observed, options, true, false);
            case RESTART -> lifecycle(desired, observed, withRestartDependents(desired, options), true, true);
        };
    }

    /**
     * The image phase alone: the pull and build steps (they depend on nothing). A pull can bring a
     * new image for an existing container, which the plan could not foresee; to recreate such
     * containers in the same command, as compose does, run this phase, observe again and plan
     * again with {@link PlanOptions#afterImages()}.
     */
    public static Plan<Operation> imageSteps(Plan<Operation> plan) {
        return new Plan<>(
                plan.steps().stream()
                        .filter(s -> s.op() instanceof Operation.PullImage || s.op() instanceof Operation.BuildImage)
                        .toList(),
                plan.warnings());
    }

    /**
     * {@code restart SERVICE} restarts, as compose does, the services that depend on it with
     * {@code restart: true} (and theirs, transitively), unless {@code --no-deps}.
     */
    private static PlanOptions withRestartDependents(DesiredProject desired, PlanOptions options) {
        if (options.services().isEmpty() || options.noDeps()) {
            return options;
        }
        java.util.SortedSet<String> all = new java.util.TreeSet<>(options.services());
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(all);
        while (!todo.isEmpty()) {
            String service = todo.pop();
            if (!desired.graph().services().contains(service)) {
                continue; // an unknown name is the start planner's error
            }
            for (String dependent : desired.graph().dependentsOf(service)) {
                dev.jcompose.model.ServiceDependency dep =
                        desired.service(dependent).dependsOn().get(service);
                if (dep != null && dep.restart() && all.add(dependent)) {
                    todo.push(dependent);
                }
            }
        }
        return options.withServices(all, options.noDeps());
    }

    /**
     * {@code stop}, {@code start} and {@code restart}: the stops, then the starts, in one plan. A
     * container a restart stops starts again after its own stop, so no dependency starts before its
     * dependents stopped. For a project known only by name, plan with
     * {@code LabelledProject.desired(name, observed)}.
     */
    private static Plan<Operation> lifecycle(
            DesiredProject desired, ObservedState observed, PlanOptions options, boolean stop, boolean start) {
        StepList steps = new StepList();
        Map<String, String> stopped = stop ? new StopPlanner(desired, observed, options, steps).plan() : Map.of();
        if (start) {
            new StartPlanner(desired, observed, options, steps, stopped).plan();
        }
        return steps.plan();
    }
}
