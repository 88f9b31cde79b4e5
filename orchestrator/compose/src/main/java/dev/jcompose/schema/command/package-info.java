/**
 * {@link dev.jcompose.schema.command.ShellWords}: a {@code command} or {@code entrypoint} string split
 * into words as compose-go splits it (quotes and backslashes, no variable, backtick or operator
 * handling: the words go to the container's process, not to a shell).
 *
 * <p>A package of its own, depending on nothing, because two callers need the same rule: the service
 * normaliser for {@code command:}/{@code entrypoint:} in compose files, and the CLI's {@code run} for
 * a command or {@code --entrypoint} given on the command line.
 */
package dev.jcompose.schema.command;
