package dev.jcompose.plan;

import dev.jcompose.JcomposeException;

/**
 * A plan is malformed: a blank or duplicate step id, a dependency on an unknown step or on one that
 * does not come first (which is what a cycle looks like). A planner bug.
 */
public final class PlanException extends JcomposeException {
    public PlanException(String message, String hint) {
        super(message, hint);
    }
}
