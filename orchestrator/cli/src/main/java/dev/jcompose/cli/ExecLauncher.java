package dev.jcompose.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.container.ExecRecipe;
import dev.jcompose.container.RuntimeCli;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs an {@link ExecRecipe} from the CLI: writes the process file into the container's state
 * directory, runs the runtime, deletes the file. In the foreground the runtime gets the CLI's own
 * descriptors (or, in tests, pipes copied to the CLI's streams) and its exit code is the command's;
 * with a tty, runc allocates the pty, sets the terminal raw, forwards SIGWINCH and puts the terminal
 * back, and {@link TerminalMode} puts it back again should runc be killed. Without a tty the runtime
 * runs in a session of its own ({@code setsid}), so a Ctrl-C reaches the process once, through the
 * CLI's {@link SignalRelay}, not twice (the terminal's process group and the relay). Detached, the
 * runtime's stdio is /dev/null (the process inherits it, like {@code docker exec -d}) and its own
 * errors go to a log file that is read when it fails.
 */
final class ExecLauncher {
    static final Duration INTERRUPT_GRACE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Stdio stdio;
    private final Signals signals;

    ExecLauncher(Stdio stdio, Signals signals) {
        this.stdio = stdio;
        this.signals = signals;
    }

    /** The runtime's command line; {@code setsid} in front unless runc must own the terminal. */
    static List<String> command(ExecRecipe recipe, Path processFile, Path runtimeLog) {
        List<String> argv = new ArrayList<>();
        if (!recipe.tty()) {
            argv.add("setsid");
        }
        argv.addAll(recipe.argv(processFile, runtimeLog));
        return List.copyOf(argv);
    }

    /**
     * The process spec with the terminal's size ({@code consoleSize}): runc sizes the pty before the
     * process starts; its own resize from the terminal comes after, too late for a first {@code stty size}.
     */
    static String withConsoleSize(String processJson, int rows, int cols) {
        try {
            ObjectNode p = (ObjectNode) JSON.readTree(processJson);
            ObjectNode size = p.putObject("consoleSize");
            size.put("height", rows);
            size.put("width", cols);
            return JSON.writeValueAsString(p);
        } catch (IOException e) {
            throw new UncheckedIOException("the engine sent an exec process that is not JSON: " + e.getMessage(), e);
        }
    }

    int run(ExecRecipe recipe, Interaction how) {
        Path dir = Path.of(recipe.scratchDir());
        Path processFile = null;
        Path log = null;
        try {
            processFile = Files.createTempFile(dir, "exec-", ".json");
            Files.writeString(
                    processFile,
                    recipe.tty()
                            ? TerminalMode.size()
                                    .map(size -> withConsoleSize(recipe.processJson(), size[0], size[1]))
                                    .orElse(recipe.processJson())
                            : recipe.processJson());
            log = Files.createTempFile(dir, "exec-", ".log");
            List<String> argv = command(recipe, processFile, log);
            return recipe.detach() ? detached(argv, log, recipe) : startFailure(foreground(argv, recipe, how), log);
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot exec in container " + recipe.containerName() + ": " + e.getMessage(),
                    "check that the container still runs (jcompose ps)",
                    ExitCode.FAILURE,
                    e);
        } finally {
            delete(processFile);
            delete(log);
        }
    }

    /**
     * The exit code as docker gives it when the command could not start: runc exits 255 then (and
     * logs why), docker 127 for a command that does not exist and 126 for one that cannot be run,
     * as a shell does. A process that ran and exited 255 itself logged nothing and keeps its code.
     */
    static int startFailure(int code, Path runtimeLog) {
        if (code == 0 || !Files.exists(runtimeLog)) {
            return code;
        }
        return startFailure(code, RuntimeCli.loggedError(runtimeLog));
    }

    /** {@code error}: what the runtime logged at error level, if anything (runc's and crun's wording). */
    static int startFailure(int code, Optional<String> error) {
        if (error.isEmpty()) {
            return code;
        }
        String e = error.get().toLowerCase(java.util.Locale.ROOT);
        boolean exec = e.contains("exec: \"") || e.contains("executable file");
        if (e.contains("executable file not found")
                || e.contains("not found in $path")
                || (exec && e.contains("no such file or directory"))) {
            return ExitCode.COMMAND_NOT_FOUND;
        }
        return code == 255 || exec ? ExitCode.COMMAND_NOT_EXECUTABLE : code;
    }

    private int detached(List<String> argv, Path log, ExecRecipe recipe) throws IOException {
        Process p = new ProcessBuilder(argv)
                .redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int code = await(p);
        if (code != 0) {
            throw new JcomposeException(
                    "cannot start the command in container " + recipe.containerName() + ": "
                            + RuntimeCli.lastError(log),
                    "check the command exists in the container's image");
        }
        return ExitCode.SUCCESS;
    }

    private int foreground(List<String> argv, ExecRecipe recipe, Interaction how) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv);
        if (stdio.inherited()) {
            pb.inheritIO();
        }
        if (!how.stdin()) {
            pb.redirectInput(new File("/dev/null"));
        }
        Optional<TerminalMode> terminal = recipe.tty() ? TerminalMode.save() : Optional.empty();
        Relay relay = new Relay();
        try (Signals.Trap trap =
                signals.trap(SignalRelay.RELAYED, relay::signal)) { // before the start: no signal falls between
            Process p = relay.started(pb.start());
            List<Thread> outputs = stdio.inherited() ? List.of() : pump(p, how.stdin());
            try {
                int code = await(p);
                for (Thread t : outputs) {
                    t.join();
                }
                return code;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JcomposeException(
                        "exec in " + recipe.containerName() + " was interrupted", null, ExitCode.CANCELED);
            }
        } finally {
            terminal.ifPresent(TerminalMode::close);
        }
    }

    /** Signals for the runtime: those that come before it started are passed on once it has. */
    private static final class Relay {
        private final List<String> early = new ArrayList<>();
        private Process process;

        synchronized void signal(String name) {
            if (process == null) {
                early.add(name);
            } else {
                SignalRelay.send(process.pid(), name);
            }
        }

        synchronized Process started(Process p) {
            process = p;
            early.forEach(name -> SignalRelay.send(p.pid(), name));
            return p;
        }
    }

    /** Waits for the runtime; interrupted (a test's Ctrl-C), passes SIGINT on, then SIGKILL after a grace. */
    private static int await(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            SignalRelay.send(p.pid(), "INT");
            try {
                if (!p.waitFor(INTERRUPT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            } catch (InterruptedException again) {
                p.destroyForcibly();
            }
            Thread.currentThread().interrupt();
            throw new JcomposeException("exec was interrupted", null, ExitCode.CANCELED);
        }
    }

    /** Copies between the CLI's in-memory streams and the runtime's pipes; returns the output copiers. */
    private List<Thread> pump(Process p, boolean stdin) {
        if (stdin) {
            Thread.ofPlatform()
                    .daemon()
                    .name("jcompose-exec-stdin")
                    .start(() -> copy(stdio.in(), p.getOutputStream(), true));
        }
        return List.of(
                Thread.ofPlatform()
                        .daemon()
                        .name("jcompose-exec-stdout")
                        .start(() -> copy(p.getInputStream(), stdio.out(), false)),
                Thread.ofPlatform()
                        .daemon()
                        .name("jcompose-exec-stderr")
                        .start(() -> copy(p.getErrorStream(), stdio.err(), false)));
    }

    private static void copy(InputStream from, OutputStream to, boolean closeTo) {
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = from.read(buf)) >= 0; ) {
                to.write(buf, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // the other side is gone (the process exited without reading its input)
        } finally {
            if (closeTo) {
                try {
                    to.close();
                } catch (IOException ignored) {
                    // already closed by the exit
                }
            }
        }
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the exec file " + p + ": " + e.getMessage(), e);
            }
        }
    }
}
