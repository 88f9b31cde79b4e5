package dev.jcompose.cli;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where a command learns of the signals its user sends (SIGINT from Ctrl-C, SIGTERM, SIGHUP): the
 * CLI process's own ({@link ProcessSignals}), or, for a command the engine runs for a thin client,
 * the client's, relayed over its session. A signal nobody traps has its default effect: the command
 * ends (the process exits, or the engine cancels the session).
 */
public interface Signals {
    /** Routes {@code names} ("INT", "TERM", "HUP") to {@code onSignal} until the trap is closed. */
    Trap trap(List<String> names, Consumer<String> onSignal);

    /** An installed trap; closing it restores what was there before. */
    interface Trap extends AutoCloseable {
        @Override
        void close();
    }
}
