/**
 * Quantities parsed and printed exactly as compose-go and the docker CLI do: {@link
 * dev.jcompose.quantity.ByteSize} ({@code 512m}, binary units, as {@code mem_limit} reads),
 * {@link dev.jcompose.quantity.GoDuration} (Go's {@code time.ParseDuration} plus {@code d}/{@code w}
 * in, {@code 1m30s} out), and for display {@link dev.jcompose.quantity.HumanDuration} ({@code About a
 * minute}) and {@link dev.jcompose.quantity.HumanSize} ({@code 12.35MB}, decimal units).
 *
 * <p>Pure functions on strings and numbers, depending on nothing. They sit in the compose module, the
 * bottom of the orchestrator modules, so one implementation serves the normaliser, the model, the
 * planner, the engine's timeouts and the CLI's tables alike.
 */
package dev.jcompose.quantity;
