/**
 * Plans and their execution: a {@link dev.jcompose.execute.Plan} is an immutable DAG of operation
 * records produced by a pure planner; {@link dev.jcompose.execute.PlanExecutor} runs it on the engine
 * loop with an injected {@link dev.jcompose.execute.OperationRunner}. {@link
 * dev.jcompose.execute.DependencyWait} turns depends_on conditions into waitable operations.
 */
package dev.jcompose.execute;
