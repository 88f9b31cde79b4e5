/**
 * The {@link dev.jcompose.api.ComposeService} across the engine socket: {@link EngineHandlers}
 * serves it in the engine process, {@link RemoteComposeService} calls it from the CLI, and
 * {@link ComposeBackends} chooses between the engine and an in-process stack in one place.
 *
 * <p>Interactive commands keep their bytes off the socket: {@code compose.execRecipe} answers with
 * what to run ({@link dev.jcompose.container.ExecRecipe}) and the CLI runs it with its own terminal;
 * an attached {@code run} is {@code compose.createOneOff} (dependencies, then the one-off created, not
 * started), the CLI attaching to conmon's socket, then {@code compose.startOneOff} (start, wait for
 * the exit, {@code --rm}; cancelled when the CLI goes away, it stops and removes the one-off). See
 * the {@code dev.jcompose.container} package for the design.
 */
package dev.jcompose.remote;
