package dev.jcompose.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CLI's terminal settings around an interactive session, through {@code stty} run on the
 * inherited stdin (the JDK has no termios): saved first ({@code stty -g}), raw while a run's tty is
 * attached, and put back on every way out: the session's end, an exception, and (SIGTERM, SIGINT,
 * SIGHUP ending the JVM) a shutdown hook. Only SIGKILL leaves a raw terminal ({@code stty sane} fixes it).
 */
final class TerminalMode implements AutoCloseable {
    private final String saved;
    private final Thread hook;
    private boolean restored;

    private TerminalMode(String saved) {
        this.saved = saved;
        this.hook = new Thread(this::restore, "jcompose-terminal-restore");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Saves the terminal's settings; empty when stdin is no terminal (stty fails). */
    static Optional<TerminalMode> save() {
        Result r = stty("-g");
        return r.code() == 0 && !r.out().isBlank()
                ? Optional.of(new TerminalMode(r.out().strip()))
                : Optional.empty();
    }

    /** Raw, no echo: every key (Ctrl-C too) goes to the container's terminal, which echoes. */
    void raw() {
        stty("raw", "-echo");
    }

    /** {@code rows cols}, or empty when unknown. */
    static Optional<int[]> size() {
        Result r = stty("size");
        String[] w = r.out().strip().split("\\s+");
        if (r.code() != 0 || w.length != 2 || !w[0].matches("\\d+") || !w[1].matches("\\d+")) {
            return Optional.empty();
        }
        return Optional.of(new int[] {Integer.parseInt(w[0]), Integer.parseInt(w[1])});
    }

    synchronized void restore() {
        if (!restored) {
            restored = true;
            stty(saved);
        }
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway, and restoring twice is a no-op
        }
    }

    private record Result(int code, String out) {}

    private static Result stty(String... args) {
        List<String> argv = new ArrayList<>(List.of("stty"));
        argv.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run stty (coreutils): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "");
        }
    }
}
