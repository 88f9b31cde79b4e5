package dev.jcompose.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The CLI's side of the engine socket. Blocking by design (the CLI does one thing at a time), on the
 * JDK's own unix domain socket channel: the CLI does not boot Vert.x to talk to the engine. A reader
 * thread turns lines into frames so that waiting can time out and {@link #cancel()} can be sent
 * from a signal handler while a call waits.
 */
public final class EngineClient implements AutoCloseable {
    /** Received when the engine closes the socket: a sentinel, never sent on the wire. */
    private static final Frame END = new Frame.Cancel(Long.MIN_VALUE);

    private static final Duration HELLO_TIMEOUT = Duration.ofSeconds(10);

    private final EngineDirectory directory;
    private final SocketChannel channel;
    private final BlockingQueue<Frame> incoming = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final Object writeLock = new Object();
    private long nextId = 1;
    private volatile long current = -1;
    private EngineInfo info;

    private EngineClient(EngineDirectory directory, SocketChannel channel) {
        this.directory = directory;
        this.channel = channel;
        this.reader =
                Thread.ofPlatform().daemon().name("jcompose-engine-reader").start(this::readLoop);
    }

    /**
     * Connects and shakes hands. Fails with an {@link IOException} when nothing answers (no socket,
     * a stale socket, an engine that died during the handshake), which the launcher treats as
     * "start one". An engine of another build or protocol is connected to all the same
     * ({@link #info()} says which); {@link EngineLauncher} refuses to run commands on it.
     */
    public static EngineClient connect(EngineDirectory directory) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(directory.socket()));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        EngineClient client = new EngineClient(directory, channel);
        try {
            client.info = client.hello();
            return client;
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private EngineInfo hello() throws IOException {
        JsonNode result;
        try {
            result = call(
                    "hello",
                    FrameCodec.object().put("protocol", FrameCodec.PROTOCOL_VERSION),
                    event -> {},
                    HELLO_TIMEOUT);
        } catch (EngineGoneException e) {
            throw new IOException("the engine closed the connection during the handshake", e);
        }
        // Any engine that answers is returned, whatever its build or protocol: `engine status` and
        // `engine stop` must work on it; the launcher decides whether a command may use it.
        return EngineInfo.fromJson(result);
    }

    /** The engine's answer to the handshake. */
    public EngineInfo info() {
        return info;
    }

    /** Calls {@code method} and waits for its result however long it takes. */
    public JsonNode call(String method, JsonNode params, Consumer<JsonNode> events) {
        return call(method, params, events, null);
    }

    /**
     * Calls {@code method}, passing each streamed event to {@code events} on this thread, in order.
     * A failure reported by the engine is rethrown with its message, hint and exit code. When
     * {@code timeout} (nullable) passes, the call is cancelled and fails.
     */
    public synchronized JsonNode call(String method, JsonNode params, Consumer<JsonNode> events, Duration timeout) {
        long id = nextId++;
        current = id;
        try {
            send(new Frame.Call(id, method, params));
            long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
            while (true) {
                Frame frame = next(method, deadline);
                if (frame == END) {
                    incoming.add(END); // sticky: any later call on this client fails the same way
                    throw new EngineGoneException(directory);
                }
                if (frame.id() != id) {
                    continue; // a late answer to an earlier call that timed out
                }
                switch (frame) {
                    case Frame.Event event -> events.accept(event.event());
                    case Frame.Result result -> {
                        return result.result();
                    }
                    case Frame.Failure failure ->
                        throw new JcomposeException(failure.message(), failure.hint(), failure.exitCode());
                    default ->
                        throw new JcomposeException(
                                "the engine sent " + frame + " to the CLI", "this is a jcompose bug", ExitCode.FAILURE);
                }
            }
        } finally {
            current = -1;
        }
    }

    private Frame next(String method, long deadline) {
        try {
            long left = deadline - System.nanoTime();
            Frame frame = deadline == Long.MAX_VALUE ? incoming.take() : incoming.poll(left, TimeUnit.NANOSECONDS);
            if (frame == null) {
                cancel();
                throw new JcomposeException(
                        "the jcompose engine did not answer `" + method + "` in time",
                        "the engine may be overloaded or hung; see " + directory.log(),
                        ExitCode.FAILURE);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new JcomposeException("interrupted while waiting for the engine", null, ExitCode.CANCELED, e);
        }
    }

    /**
     * Asks the engine to cancel the call in flight (the CLI's Ctrl-C). Safe from any thread; the
     * call then ends with the engine's answer, normally a failure with exit code 130.
     */
    public void cancel() {
        long id = current;
        if (id < 0) {
            return;
        }
        try {
            send(new Frame.Cancel(id));
        } catch (EngineGoneException e) {
            // The call itself reports that the engine went away.
        }
    }

    private void send(Frame frame) {
        ByteBuffer bytes = ByteBuffer.wrap((FrameCodec.encode(frame) + "\n").getBytes(StandardCharsets.UTF_8));
        synchronized (writeLock) {
            try {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } catch (IOException e) {
                throw new EngineGoneException(directory);
            }
        }
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (channel.read(buffer.clear()) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b != '\n') {
                        line.write(b);
                        continue;
                    }
                    incoming.add(FrameCodec.decode(line.toString(StandardCharsets.UTF_8)));
                    line.reset();
                }
            }
        } catch (IOException | JcomposeException e) {
            // Closed by us, by the engine, or garbage on the wire: all end the conversation.
        }
        incoming.add(END);
    }

    @Override
    public void close() {
        try {
            channel.close();
            reader.join(Duration.ofSeconds(5));
        } catch (IOException e) {
            // Nothing useful to do: the engine notices the hang-up either way.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The engine went away mid-conversation (killed, crashed). */
    static final class EngineGoneException extends JcomposeException {
        EngineGoneException(EngineDirectory directory) {
            super(
                    "the jcompose engine exited during the command; see " + directory.log(),
                    "run the command again: a new engine starts and adopts the running containers",
                    ExitCode.FAILURE);
        }
    }
}
