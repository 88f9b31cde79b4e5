package dev.jcompose.client;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code jcompose} command's entry point. When this host's engine runs (same build, and the
 * caller may use its command socket: root), the command runs there, in a JVM that is already warm:
 * this process only sends the arguments, working directory, environment and terminal state, relays
 * stdin on demand and signals, and copies the output back. Otherwise, and for what needs this
 * process's own terminal (exec and run on a terminal, and {@code engine}, which starts and stops the
 * engine), the full CLI runs here as before. It uses JDK classes only, so it starts in a fraction
 * of the full CLI's time.
 */
public final class ThinClient {
    static final String BUILD_RESOURCE = "/dev/jcompose/daemon/build.properties";
    /** What the command socket is called in the engine directory. */
    public static final String SOCKET = "cli.sock";

    private ThinClient() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        boolean stdinTerminal = isTerminal(0);
        if (thin(args, env, stdinTerminal)) {
            Connection connection = Connection.start(socket(env));
            ClientSession session = ClientSession.open(
                    connection,
                    request(args, env, stdinTerminal),
                    new FileOutputStream(FileDescriptor.out),
                    new FileOutputStream(FileDescriptor.err),
                    new FileInputStream(FileDescriptor.in));
            if (session != null) {
                session.trapSignals();
                int code = session.serve();
                // halt, not exit: the output went out unbuffered and no shutdown hook is ours, while
                // exit's logging of the call alone costs this short-lived JVM milliseconds
                Runtime.getRuntime().halt(code);
            }
        }
        FullCli.run(args);
    }

    /** The command as the engine runs it: here, with this environment and terminal. */
    static SessionRequest request(String[] args, Map<String, String> env, boolean stdinTerminal) {
        return new SessionRequest(
                SessionWire.VERSION,
                build(),
                Arrays.asList(args),
                Path.of("").toAbsolutePath().toString(),
                env,
                stdinTerminal && isTerminal(1));
    }

    /**
     * Whether to try the engine: not when turned off ({@code JCOMPOSE_THIN=0}), not for another
     * backend than the engine, not for {@code engine} (it starts and stops the engine itself), and not
     * for exec or run on a terminal (their pseudo-terminal needs this process's own). An argument
     * that only looks like one of those (a service called {@code run}) just takes the longer way.
     */
    static boolean thin(String[] args, Map<String, String> env, boolean stdinTerminal) {
        if ("0".equals(env.get("JCOMPOSE_THIN"))) {
            return false;
        }
        String backend = env.getOrDefault("JCOMPOSE_ENGINE", "daemon");
        if (!backend.isEmpty() && !backend.equals("daemon")) {
            return false;
        }
        List<String> words = Arrays.asList(args);
        if (words.contains("engine")) {
            return false;
        }
        return !(stdinTerminal && (words.contains("exec") || words.contains("run")));
    }

    static Path socket(Map<String, String> env) {
        return Path.of(env.getOrDefault("JCOMPOSE_RUN_ROOT", "/run/jcompose"), "engine", "session", SOCKET);
    }

    /** This jar's build, as the engine handshake compares it; {@code dev} for unfiltered classes. */
    static String build() {
        Properties p = new Properties();
        try (InputStream in = ThinClient.class.getResourceAsStream(BUILD_RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "dev";
        }
        String b = p.getProperty("build", "dev");
        return b.contains("${") ? "dev" : b;
    }

    /** isatty, without a native call: the descriptor's target is a terminal device. */
    static boolean isTerminal(int fd) {
        try {
            String target =
                    Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Connecting on a thread of its own: the JDK's set-up for its first Unix socket (it seeds a
     * SecureRandom, ~20 ms on a cold JVM) overlaps the building of the request.
     */
    static final class Connection extends Thread {
        private final Path socket;
        /** Written by this thread, read after {@link #join()}. */
        private SocketChannel channel;

        private Connection(Path socket) {
            super(null, null, "jcompose-connect", 0, false);
            this.socket = socket;
            setDaemon(true);
        }

        static Connection start(Path socket) {
            Connection c = new Connection(socket);
            c.start();
            return c;
        }

        @Override
        public void run() {
            SocketChannel ch = null;
            try {
                ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                ch.connect(UnixDomainSocketAddress.of(socket));
                channel = ch;
            } catch (IOException | RuntimeException e) {
                // no engine listens there: the command runs in this process
                if (ch != null) {
                    ClientSession.closeQuietly(ch);
                }
            }
        }

        /** The connected channel, or null when no engine listens. */
        SocketChannel await() {
            boolean interrupted = false;
            while (true) {
                try {
                    join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return channel;
        }
    }

    /** The session from the client's side. */
    static final class ClientSession {
        private final SessionWire wire;
        private final OutputStream out;
        private final OutputStream err;
        private final InputStream in;
        /** Counted on the JVM's one signal dispatch thread. */
        private int interrupts;

        private ClientSession(SessionWire wire, OutputStream out, OutputStream err, InputStream in) {
            this.wire = wire;
            this.out = out;
            this.err = err;
            this.in = in;
        }

        /** The session the engine accepted, or null when it cannot take the command (then run it here). */
        static ClientSession open(
                Path socket, SessionRequest request, OutputStream out, OutputStream err, InputStream in) {
            return open(Connection.start(socket), request, out, err, in);
        }

        static ClientSession open(
                Connection connection, SessionRequest request, OutputStream out, OutputStream err, InputStream in) {
            byte[] hello = request.encode();
            SocketChannel channel = connection.await();
            if (channel == null) {
                return null;
            }
            SessionWire wire = new SessionWire(channel);
            try {
                wire.write(SessionWire.REQUEST, hello);
                SessionWire.Frame first = wire.read();
                if (first.type() != SessionWire.ACCEPTED) {
                    channel.close();
                    return null;
                }
            } catch (IOException e) {
                closeQuietly(channel);
                return null;
            }
            return new ClientSession(wire, out, err, in);
        }

        /** The process's SIGINT, SIGTERM and SIGHUP go to the engine from now on. */
        void trapSignals() {
            for (String name : List.of("INT", "TERM", "HUP")) {
                trap(name);
            }
        }

        /** Copies the command's output until its exit code comes; returns that. */
        int serve() {
            try {
                while (true) {
                    SessionWire.Frame f = wire.read();
                    switch (f.type()) {
                        case SessionWire.STDOUT -> copy(f.payload(), out);
                        case SessionWire.STDERR -> copy(f.payload(), err);
                        case SessionWire.WANT_STDIN -> feedLater(f.intValue());
                        case SessionWire.EXIT -> {
                            return f.intValue();
                        }
                        default -> {
                            // a later engine's frame this client does not know: ignored
                        }
                    }
                }
            } catch (IOException e) {
                copy(
                        ("jcompose: the engine ended the command without its result (" + e.getMessage()
                                        + "); see jcompose engine status\n")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        err);
                return 1;
            }
        }

        /**
         * Each signal goes to the engine (an attached up stops on the first Ctrl-C and kills on the
         * second); a third Ctrl-C ends this client at once, as a stuck engine must not hold it.
         */
        private void trap(String name) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), new sun.misc.SignalHandler() {
                    @Override
                    public void handle(sun.misc.Signal s) {
                        relay(name);
                    }
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // not trappable here: the default ends this client, and the engine sees the session close
            }
        }

        /** Tells the engine the user sent {@code SIG<name>}. */
        void relay(String name) {
            if (name.equals("INT") && ++interrupts > 2) {
                Runtime.getRuntime().halt(130);
            }
            try {
                wire.write(SessionWire.SIGNAL, name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                Runtime.getRuntime().halt(128 + (name.equals("INT") ? 2 : name.equals("TERM") ? 15 : 1));
            }
        }

        /** Stdin is read on a thread of its own: a read may block while output keeps coming. */
        private void feedLater(int max) {
            Thread reader = new Thread(null, null, "jcompose-stdin") {
                @Override
                public void run() {
                    feed(max);
                }
            };
            reader.setDaemon(true);
            reader.start();
        }

        /** Reads at most {@code max} bytes of stdin for the engine; an empty frame is end of input. */
        private void feed(int max) {
            byte[] buffer = new byte[Math.max(1, Math.min(max, 64 * 1024))];
            try {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    n = -1;
                }
                wire.write(SessionWire.STDIN, buffer, 0, Math.max(n, 0));
            } catch (IOException e) {
                // the session is over
            }
        }

        private static void copy(byte[] bytes, OutputStream to) {
            try {
                to.write(bytes);
                to.flush();
            } catch (IOException e) {
                // a closed pipe (| head): the rest of the output has nowhere to go
            }
        }

        private static void closeQuietly(SocketChannel c) {
            try {
                c.close();
            } catch (IOException e) {
                // nothing to release
            }
        }
    }
}
