package dev.jcompose.execute;

import dev.jcompose.JcomposeException;

/** A plan is malformed: duplicate or blank ids, unknown dependencies, cycles. A planner bug. */
public final class PlanException extends JcomposeException {
    public PlanException(String message, String hint) {
        super(message, hint);
    }
}
