package dev.jcompose.session;

import dev.jcompose.cli.Main;
import dev.jcompose.client.SessionRequest;
import dev.jcompose.client.SessionWire;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One thin client's command, run by the engine: the request is checked (same wire version and
 * build, else refused and the client runs the command itself), then the CLI runs on this thread
 * with the client's arguments, directory, environment, terminal state, stdin and signals, its
 * output sent back as it comes, and the exit code last. The client hanging up cancels the command,
 * as the end of a CLI process did.
 */
final class CommandSession implements Runnable {
    private final SocketChannel channel;
    private final String build;
    private final Consumer<String> log;
    private final SpareCli clis;

    CommandSession(SocketChannel channel, String build, SpareCli clis, Consumer<String> log) {
        this.clis = clis;
        this.channel = channel;
        this.build = build;
        this.log = log;
    }

    @Override
    public void run() {
        try (channel) {
            SessionWire wire = new SessionWire(channel);
            SessionRequest request = accept(wire);
            if (request != null) {
                try (Outbox outbox = new Outbox(wire)) {
                    outbox.sendInt(SessionWire.EXIT, execute(wire, outbox, request));
                } finally {
                    clis.refill(); // the next command's CLI, built once this one's client has its exit code
                }
            }
        } catch (IOException e) {
            // the client went away: nothing is left to tell it
        }
    }

    /** The request when this engine can run it; otherwise null, after telling the client why. */
    private SessionRequest accept(SessionWire wire) throws IOException {
        SessionRequest request;
        try {
            SessionWire.Frame first = wire.read();
            if (first.type() != SessionWire.REQUEST) {
                throw new IOException("the session did not start with a request");
            }
            request = SessionRequest.decode(first.payload());
        } catch (IOException e) {
            wire.write(SessionWire.REFUSED, String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
            return null;
        }
        if (!request.build().equals(build)) {
            wire.write(
                    SessionWire.REFUSED,
                    ("this engine is build " + build + ", the client " + request.build())
                            .getBytes(StandardCharsets.UTF_8));
            return null;
        }
        wire.write(SessionWire.ACCEPTED, new byte[0]);
        return request;
    }

    private int execute(SessionWire wire, Outbox outbox, SessionRequest request) {
        Thread worker = Thread.currentThread();
        AtomicInteger endedBySignal = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        SessionStdin stdin = new SessionStdin(outbox);
        SessionSignals signals = new SessionSignals(name -> {
            synchronized (running) {
                if (running.get()) {
                    endedBySignal.compareAndSet(0, SessionSignals.exitCode(name));
                    worker.interrupt();
                }
            }
        });
        Thread.ofVirtual().name("jcompose-session-reader").start(() -> readClient(wire, stdin, signals));
        PrintWriter out = new PrintWriter(new FrameWriter(outbox, SessionWire.STDOUT), true);
        PrintWriter err = new PrintWriter(new FrameWriter(outbox, SessionWire.STDERR), true);
        Main.Environment host = new Main.Environment(
                request.env(), Path.of(request.workingDir()), stdin, request.terminal(), false, signals);
        int code;
        try {
            code = clis.take().execute(request.args().toArray(String[]::new), out, err, host);
        } catch (RuntimeException e) {
            log.accept("session " + request.args() + " failed: " + e);
            err.println("jcompose: internal error: " + e + " (the engine log has it: jcompose engine status)");
            code = 1;
        } finally {
            synchronized (running) {
                running.set(false);
                Thread.interrupted(); // a signal's interrupt that came after the command noticed it
            }
            out.flush();
            err.flush();
        }
        int signalled = endedBySignal.get();
        return signalled != 0 ? signalled : code;
    }

    /** Stdin and signals from the client until it hangs up, which ends the command as a signal would. */
    private void readClient(SessionWire wire, SessionStdin stdin, SessionSignals signals) {
        try {
            while (true) {
                SessionWire.Frame f = wire.read();
                if (f.type() == SessionWire.STDIN) {
                    stdin.offer(f.payload());
                } else if (f.type() == SessionWire.SIGNAL) {
                    signals.deliver(f.text());
                }
            }
        } catch (IOException e) {
            stdin.end();
            signals.hangUp();
        }
    }
}
