/**
 * Service dependencies as a graph: {@link dev.jcompose.graph.ServiceGraph} (edges from a dependency
 * to its dependent, built from {@code Project.dependencies()}: {@code depends_on} plus the implicit
 * {@code network_mode: service:}, {@code volumes_from} and {@code links}) gives start and stop orders,
 * levels of services that may run together, subgraphs for services named on the command line, and
 * {@link dev.jcompose.graph.DependencyCycle}s in a stable form.
 *
 * <p>Every order is deterministic (ties broken by name), so plans and messages never depend on map
 * iteration. Depends on nothing but the exception root; used by the model's validator, {@code config}
 * and the reconciler's planner.
 */
package dev.jcompose.graph;
