/**
 * The {@code jcompose} command line (picocli), flag for flag docker compose v2's: {@link
 * dev.jcompose.cli.Main} is the process's composition root (it reads the environment, working
 * directory, terminal and clock once and hands them down), {@link dev.jcompose.cli.ProjectFlags} and
 * {@link dev.jcompose.cli.DisplayFlags} are the global flags, and there is one class per subcommand
 * ({@code UpCommand}, {@code PsCommand}, {@code RunCommand}...).
 *
 * <p>A compose command loads the project in the CLI ({@code dev.jcompose.loader}) and calls a {@link
 * dev.jcompose.api.ComposeService} opened through {@code dev.jcompose.remote.ComposeBackends}: normally
 * the host's background engine over its socket, or an in-process stack with {@code
 * JCOMPOSE_ENGINE=inprocess}. Results are printed with {@code dev.jcompose.console} and {@code
 * dev.jcompose.progress}. The CLI never imports the engine (the architecture test checks it); {@code
 * config} needs no engine at all, and {@code image} and {@code ls} work on the runtime's stores in
 * the CLI process.
 *
 * <p>Interactive work stays in the CLI, because the engine has no terminal: {@code exec} runs the
 * runtime from the {@code ExecRecipe} the engine returns ({@code ExecLauncher}), an attached {@code
 * run} connects to the one-off's conmon attach socket before the engine starts it ({@code
 * OneOffSession}), and the CLI owns the terminal's raw mode and signal forwarding meanwhile.
 */
package dev.jcompose.cli;
