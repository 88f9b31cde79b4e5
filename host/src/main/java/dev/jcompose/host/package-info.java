/**
 * The OS seams every other module receives instead of reaching for the machine itself: host programs
 * run through a {@link dev.jcompose.host.CommandRunner} as {@link dev.jcompose.host.Command} values
 * (argv, stdin, env, timeout; printable and comparable, so planned commands appear in golden tests),
 * time through a {@link dev.jcompose.host.Clock}, and state directories as
 * {@link dev.jcompose.host.HostPaths} ({@code dataRoot}, {@code runRoot}). {@link
 * dev.jcompose.host.HostAccess} bundles runner, clock and environment; a composition root ({@code
 * Main}, {@code EngineMain}) builds it once with {@link dev.jcompose.host.ProcessCommandRunner} and the
 * process environment, tests build it from fakes.
 *
 * <p>This module depends on nothing of jcompose and everything depends on it: runtime, network and
 * all orchestrator modules. It also holds the root of the exception hierarchy ({@link
 * dev.jcompose.JcomposeException}, {@link dev.jcompose.ExitCode}), and, in its test-jar, {@code
 * HostSnapshot}, the leak check every root test compares the host with before and after.
 */
package dev.jcompose.host;
