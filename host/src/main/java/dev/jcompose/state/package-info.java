/**
 * The words for a container's condition that every layer shares, from the runtime that records it
 * up to the console that prints it: {@link dev.jcompose.state.ContainerState} (docker's state set,
 * with the runtime's transition rules) and {@link dev.jcompose.state.Health}.
 *
 * <p>They live in the host module because it is the one module below both the runtime and the
 * planner ({@code reconcile} depends only on compose and host, and must not see the runtime), and it
 * already holds the other vocabulary they all share, the exception root. The types are plain enums
 * without serialisation annotations: the runtime's {@code state.json} and the engine's health file
 * store the constant names ({@code RUNNING}, {@code HEALTHY}), the engine socket spells them as
 * docker does ({@code running}, {@code healthy}, empty for no health check).
 */
package dev.jcompose.state;
