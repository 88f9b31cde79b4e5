package dev.jcompose.cli;

import dev.jcompose.console.AnsiMode;
import dev.jcompose.progress.ProgressMode;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** docker compose's display flags: {@code --progress} and {@code --ansi}, global like the project flags. */
public final class DisplayFlags {
    @Option(
            names = "--progress",
            paramLabel = "auto|tty|plain|json|quiet",
            scope = ScopeType.INHERIT,
            description = "Set type of progress output (auto, tty, plain, json, quiet).")
    String progress = "auto";

    @Option(
            names = "--ansi",
            paramLabel = "never|always|auto",
            scope = ScopeType.INHERIT,
            description = "Control when to print ANSI control characters (never, always, auto).")
    String ansi = "auto";

    public ProgressMode progress() {
        try {
            return ProgressMode.parse(progress);
        } catch (IllegalArgumentException e) {
            throw Usage.error(e.getMessage(), "use --progress auto, tty, plain, json or quiet");
        }
    }

    public AnsiMode ansi() {
        try {
            return AnsiMode.parse(ansi);
        } catch (IllegalArgumentException e) {
            throw Usage.error(e.getMessage(), "use --ansi never, always or auto");
        }
    }
}
