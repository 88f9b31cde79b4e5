package dev.jcompose.plan;

import dev.jcompose.observe.ObservedState;

/**
 * The reconciler's decision half: compares the desired project with what exists and returns the
 * steps that converge one to the other. Pure: no I/O, same inputs give the same plan, text and all.
 */
public final class Planner {
    private Planner() {
    }

    public static ReconcilePlan plan(DesiredProject desired, ObservedState observed, PlanOptions options) {
        return switch (options.command()) {
            case UP -> new UpPlanner(desired, observed, options).plan();
            case DOWN -> new DownPlanner(desired, observed, options).plan();
        };
    }
}
