package dev.jcompose.execute;

/** Progress of a plan execution, delivered on the engine loop in the order things happened. */
public sealed interface ExecutionEvent {
    String nodeId();

    /** The node's operation was handed to the runner. */
    record Started(String nodeId) implements ExecutionEvent {}

    /** The node reached its final outcome (skipped and cancelled nodes get only this event). */
    record Finished(String nodeId, NodeOutcome outcome) implements ExecutionEvent {}
}
