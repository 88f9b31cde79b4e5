/**
 * Plan execution: {@link dev.jcompose.execute.PlanExecutor} runs the pure planner's
 * {@link dev.jcompose.plan.Plan} as it is, on the engine loop, with an injected
 * {@link dev.jcompose.execute.OperationRunner}. {@link dev.jcompose.execute.DependencyWait} turns
 * depends_on conditions into waitable operations.
 */
package dev.jcompose.execute;
