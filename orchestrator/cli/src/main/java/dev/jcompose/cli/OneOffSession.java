package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.api.OneOffAttach;
import dev.jcompose.container.AttachSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * An attached {@code run}: the CLI connected to conmon's attach socket of the created, not yet
 * started one-off, so no output is lost. Packets go to the CLI's stdout or stderr as conmon marks
 * them; standard input is copied to the socket and its end closes the container's stdin; with a
 * tty the CLI's terminal is raw meanwhile ({@link TerminalMode}) and its size goes to conmon's
 * {@code ctl} fifo at the start and on every SIGWINCH. The one-off is started and awaited by
 * {@code start} (the engine); its exit code is the session's once the output is drained.
 */
final class OneOffSession {
    /** conmon closes the socket when it exits, right after the exit file; this bounds a straggler. */
    static final Duration DRAIN = Duration.ofSeconds(5);
    /** Writing the ctl fifo blocks only if conmon is gone; the start does not wait longer than this. */
    static final Duration RESIZE_WAIT = Duration.ofSeconds(2);

    private final Stdio stdio;
    private final OneOffAttach oneOff;

    OneOffSession(Stdio stdio, OneOffAttach oneOff) {
        this.stdio = stdio;
        this.oneOff = oneOff;
    }

    /** Attaches, runs {@code start} (which starts the one-off and returns its exit code), drains, detaches. */
    int run(IntSupplier start) {
        Path bundle = Path.of(oneOff.bundle());
        AttachSocket attached;
        try {
            attached = AttachSocket.connect(bundle);
        } catch (IOException e) {
            // the one-off exists: started anyway, it runs its course and --rm still removes it
            warn("jcompose: cannot attach to " + oneOff.container() + " (" + e.getMessage()
                    + "); running it without its input and output\n");
            return start.getAsInt();
        }
        Optional<TerminalMode> terminal = oneOff.tty() ? TerminalMode.save() : Optional.empty();
        try (AttachSocket socket = attached) {
            Thread output =
                    Thread.ofPlatform().daemon().name("jcompose-run-output").start(() -> output(socket));
            if (oneOff.stdin()) {
                Thread.ofPlatform().daemon().name("jcompose-run-stdin").start(() -> input(socket));
            }
            Object winch = null;
            if (terminal.isPresent()) {
                terminal.get().raw();
                resize(bundle).join(RESIZE_WAIT); // sized before it starts: its first `stty size` is right
                winch = trapWinch(bundle);
            }
            try {
                int code = start.getAsInt();
                output.join(DRAIN);
                return code;
            } finally {
                socket.stopReading();
                join(output);
                restoreWinch(winch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JcomposeException("run " + oneOff.container() + " was interrupted", null, ExitCode.CANCELED);
        } finally {
            terminal.ifPresent(TerminalMode::close);
        }
    }

    private void warn(String text) {
        try {
            stdio.err().write(text.getBytes(StandardCharsets.UTF_8));
            stdio.err().flush();
        } catch (IOException e) {
            // stderr is gone: nothing else to tell
        }
    }

    private void output(AttachSocket socket) {
        try {
            for (AttachSocket.Packet p; (p = socket.read()) != null; ) {
                OutputStream to = p.stream() == AttachSocket.STDERR ? stdio.err() : stdio.out();
                to.write(p.data());
                to.flush();
            }
        } catch (IOException e) {
            // the socket went away with conmon: the output ends
        }
    }

    private void input(AttachSocket socket) {
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = stdio.in().read(buf)) >= 0; ) {
                if (n > 0) {
                    socket.write(buf, n);
                }
            }
            socket.closeInput();
        } catch (IOException e) {
            // the one-off is gone, or our stdin failed: nothing more to forward
        }
    }

    /** {@code 1 ROWS COLS}: conmon's resize message on the ctl fifo; written off-thread (opening a fifo may block). */
    static String resizeMessage(int rows, int cols) {
        return "1 " + rows + " " + cols + "\n";
    }

    private static Thread resize(Path bundle) {
        Optional<int[]> size = TerminalMode.size();
        return Thread.ofVirtual()
                .name("jcompose-resize")
                .start(() -> size.ifPresent(s -> {
                    try {
                        Files.writeString(bundle.resolve("ctl"), resizeMessage(s[0], s[1]), StandardCharsets.US_ASCII);
                    } catch (IOException e) {
                        // conmon is gone: nothing to resize
                    }
                }));
    }

    private static Object trapWinch(Path bundle) {
        try {
            return sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), s -> resize(bundle));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static void restoreWinch(Object previous) {
        if (previous instanceof sun.misc.SignalHandler h) {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), h);
        }
    }

    private static void join(Thread t) {
        try {
            t.join(DRAIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
