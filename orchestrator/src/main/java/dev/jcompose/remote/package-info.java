/**
 * The {@link dev.jcompose.stack.ComposeService} across the engine socket: {@link EngineHandlers}
 * serves it in the engine process, {@link RemoteComposeService} calls it from the CLI, and
 * {@link ComposeBackends} chooses between the engine and an in-process stack in one place.
 */
package dev.jcompose.remote;
