package dev.jcompose.progress;

import dev.jcompose.console.AnsiMode;
import dev.jcompose.host.Clock;
import java.io.PrintWriter;

/**
 * Picks the renderer for {@code --progress} and {@code --ansi}. Whether the stream is a terminal and
 * how wide it is are decided by the caller (an isatty probe), so this stays testable.
 *
 * @param title  the tty header's verb: {@code Running}, {@code Pulling}...
 * @param dryRun mark every line as compose's {@code --dry-run} does
 */
public record ProgressRenderers(
        PrintWriter out, Clock clock, boolean terminal, int terminalWidth, String title, boolean dryRun) {
    public static final int DEFAULT_WIDTH = 80;

    public ProgressRenderers {
        if (terminalWidth <= 0) {
            terminalWidth = DEFAULT_WIDTH;
        }
    }

    public ProgressRenderer select(ProgressMode progress, AnsiMode ansi) {
        return switch (progress.resolve(ansi, terminal)) {
            case TTY -> new TtyRenderer(out, clock, title, terminalWidth, ansi.ansi(terminal), dryRun);
            case JSON -> new JsonRenderer(out, clock, dryRun);
            case QUIET -> new QuietRenderer();
            case PLAIN, AUTO -> new PlainRenderer(out, dryRun);
        };
    }
}
