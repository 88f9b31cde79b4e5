package dev.jcompose.plan;

import dev.jcompose.observe.ObservedState;
import java.util.Map;

/**
 * The reconciler's decision half: compares the desired project with what exists and returns the
 * steps that converge one to the other. Pure: no I/O, same inputs give the same plan, text and all.
 */
public final class Planner {
    private Planner() {}

    public static ReconcilePlan plan(DesiredProject desired, ObservedState observed, PlanOptions options) {
        return switch (options.command()) {
            case UP -> new UpPlanner(desired, observed, options).plan();
            case DOWN -> new DownPlanner(desired, observed, options).plan();
            case START -> lifecycle(desired, observed, options, false, true);
            case STOP -> lifecycle(desired, observed, options, true, false);
            case RESTART -> lifecycle(desired, observed, options, true, true);
        };
    }

    /**
     * {@code stop}, {@code start} and {@code restart}: the stops, then the starts, in one plan. A
     * container a restart stops starts again after its own stop, so no dependency starts before its
     * dependents stopped. For a project known only by name, plan with
     * {@code LabelledProject.desired(name, observed)}.
     */
    private static ReconcilePlan lifecycle(
            DesiredProject desired, ObservedState observed, PlanOptions options, boolean stop, boolean start) {
        StepList steps = new StepList();
        Map<String, String> stopped = stop ? new StopPlanner(desired, observed, options, steps).plan() : Map.of();
        if (start) {
            new StartPlanner(desired, observed, options, steps, stopped).plan();
        }
        return steps.plan();
    }
}
