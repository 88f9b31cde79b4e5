/**
 * The reconciler's pure planner: {@link dev.jcompose.plan.Planner#plan} compares a
 * {@link dev.jcompose.plan.DesiredProject} with an {@link dev.jcompose.observe.ObservedState} and
 * returns a {@link dev.jcompose.plan.Plan}: {@link dev.jcompose.plan.Step}s (id,
 * {@link dev.jcompose.plan.Operation}, ids of the steps that must finish first) in an order that
 * respects those dependencies, plus warnings. Step ids are {@code kind:target}
 * ({@code create:shop-web-1}, {@code network:shop_default}, {@code wait:db:healthy}) and unique
 * within a plan. The engine's executor runs this same plan, with no conversion.
 * The planner is pure (no I/O, no clock) and lives in the reconcile module, which depends on compose
 * and host only, so the compiler and the architecture test keep it so; its golden plans are under
 * {@code src/test/resources/plan}.
 *
 * <p>{@code start}, {@code stop} and {@code restart} are planner commands too
 * ({@link dev.jcompose.plan.PlanOptions.Command}); for a project known only by name,
 * {@link dev.jcompose.plan.LabelledProject#desired} rebuilds it from its containers' labels.
 *
 * <p>Pulls are planned with the rest, but what a pull brings cannot be known in advance: to
 * recreate containers whose image a pull updated within the same command, run
 * {@link dev.jcompose.plan.Planner#imageSteps}, observe again and plan again with
 * {@link dev.jcompose.plan.PlanOptions#afterImages()}.
 */
package dev.jcompose.plan;
