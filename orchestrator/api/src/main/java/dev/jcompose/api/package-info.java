/**
 * The compose command API: {@link dev.jcompose.api.ComposeService} (up, down, ps, logs, events, run,
 * exec, start, stop, ... modelled on docker compose's {@code api.Service}) and the records it takes
 * and returns: options per command ({@link dev.jcompose.api.UpOptions}, {@link
 * dev.jcompose.api.DownOptions}, {@link dev.jcompose.api.RunOptions}...), results ({@link
 * dev.jcompose.api.ContainerSummary}, {@link dev.jcompose.api.RunOutcome}...), progress as {@link
 * dev.jcompose.api.StackEvent}s to a {@link dev.jcompose.api.StackListener}, failures as {@link
 * dev.jcompose.api.StackException}.
 *
 * <p>Shared by the three sides of a command: the engine's {@code Stack} implements it, the daemon
 * serves it over the engine socket ({@code dev.jcompose.remote}), and the CLI (and the Java test
 * fixtures to come) call it without knowing which of the two answers. It therefore holds no engine
 * internals: plain records of the compose model ({@code dev.jcompose.model}) and of the runtime's
 * exec recipe in, plain records out. A client that compiles against this package alone cannot come to
 * depend on how the engine works, and the architecture test keeps the CLI away from the engine.
 */
package dev.jcompose.api;
