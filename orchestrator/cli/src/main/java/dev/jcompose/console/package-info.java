/**
 * What the CLI prints besides progress, byte for byte as docker compose v2 prints it: container logs
 * with coloured, padded prefixes ({@link dev.jcompose.console.LogPrinter}), the {@code ps}, {@code ls},
 * {@code images}, {@code port} and {@code top} tables, and the ANSI switches ({@code --ansi}).
 */
package dev.jcompose.console;
