/**
 * Progress of engine operations as docker compose shows it: {@link dev.jcompose.progress.ProgressEvent}s
 * emitted into a {@link dev.jcompose.progress.ProgressSink} and drawn by a renderer picked from
 * {@code --progress}/{@code --ansi}: the live tty view, plain lines, JSON lines or nothing.
 * Renderers take time from an injected clock and write to an injected writer.
 */
package dev.jcompose.progress;
