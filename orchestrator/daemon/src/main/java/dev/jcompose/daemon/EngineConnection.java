package dev.jcompose.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.engine.EngineContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One CLI connected to the engine. Its calls may interleave (a {@code logs -f} next to a cancel);
 * each frame is processed on the engine context. When the CLI goes away every call it still has
 * in flight is cancelled, exactly as if the user had pressed Ctrl-C.
 */
final class EngineConnection {
    /** Long enough for any real request; a line beyond it is an abuse, and the connection is dropped. */
    private static final int MAX_LINE = 4 * 1024 * 1024;

    private final NetSocket socket;
    private final EngineContext engine;
    private final MethodRegistry methods;
    private final EngineServer.ConnectionObserver observer;
    /** Calls in flight on this connection. Engine context only. */
    private final Map<Long, Cancellation> inFlight = new HashMap<>();
    /** Handlers waiting for the CLI to catch up. Engine context only. */
    private final List<Promise<Void>> waitingForDrain = new ArrayList<>();

    private boolean closed;

    EngineConnection(
            NetSocket socket, EngineContext engine, MethodRegistry methods, EngineServer.ConnectionObserver observer) {
        this.observer = observer;
        this.socket = socket;
        this.engine = engine;
        this.methods = methods;
    }

    void start() {
        engine.execute(observer::opened);
        RecordParser lines = RecordParser.newDelimited("\n", socket).maxRecordSize(MAX_LINE);
        lines.exceptionHandler(e -> socket.close());
        lines.handler(line -> {
            String text = line.toString(StandardCharsets.UTF_8);
            engine.execute(() -> onLine(text));
        });
        socket.closeHandler(v -> engine.execute(this::onClose));
    }

    private void onLine(String text) {
        if (text.isBlank()) {
            return;
        }
        Frame frame;
        try {
            frame = FrameCodec.decode(text);
        } catch (JcomposeException e) {
            send(new Frame.Failure(-1, e.getMessage(), e.hint(), e.exitCode()));
            socket.close();
            return;
        }
        switch (frame) {
            case Frame.Call call -> onCall(call);
            case Frame.Cancel cancel -> {
                Cancellation cancellation = inFlight.get(cancel.id());
                if (cancellation != null) {
                    cancellation.cancel();
                }
            }
            default ->
                send(new Frame.Failure(
                        frame.id(),
                        "the engine only accepts calls and cancels, not "
                                + frame.getClass().getSimpleName(),
                        null,
                        ExitCode.FAILURE));
        }
    }

    private void onCall(Frame.Call call) {
        long id = call.id();
        if (inFlight.containsKey(id)) {
            send(new Frame.Failure(
                    id,
                    "call id " + id + " is already in flight on this connection",
                    "this is a jcompose bug",
                    ExitCode.FAILURE));
            return;
        }
        MethodRegistry.Method method = methods.find(call.method()).orElse(null);
        if (method == null) {
            send(new Frame.Failure(
                    id,
                    "the engine has no method `" + call.method() + "` (it has " + methods.names() + ")",
                    "the CLI is newer than the running engine: stop the engine (containers keep running) and retry",
                    ExitCode.FAILURE));
            return;
        }
        Cancellation cancellation = new Cancellation();
        inFlight.put(id, cancellation);
        Handler.Events events = new Handler.Events() {
            @Override
            public void emit(JsonNode event) {
                if (inFlight.get(id) == cancellation) {
                    send(new Frame.Event(id, event));
                }
            }

            @Override
            public Future<Void> whenWritable() {
                return writable();
            }
        };
        methods.callStarted();
        methods.dispatch(method, call.params(), events, cancellation)
                .onComplete(done -> onEngine(() -> {
                    methods.callEnded();
                    inFlight.remove(id);
                    send(done.succeeded() ? new Frame.Result(id, orEmpty(done.result())) : failure(id, done.cause()));
                }));
    }

    /**
     * At once when already on the engine context (so a reply is written before anything the
     * handler queued after itself, such as shutdown's stop), else queued onto it.
     */
    private void onEngine(Runnable task) {
        if (engine.inLoop()) {
            task.run();
        } else {
            engine.execute(task);
        }
    }

    private static JsonNode orEmpty(JsonNode result) {
        return result == null ? FrameCodec.object() : result;
    }

    private static Frame.Failure failure(long id, Throwable cause) {
        if (cause instanceof JcomposeException e) {
            return new Frame.Failure(id, e.getMessage(), e.hint(), e.exitCode());
        }
        // Not a user-facing failure: a bug. The stack trace goes to the engine log for the report.
        cause.printStackTrace();
        return new Frame.Failure(
                id,
                "the engine failed: " + cause,
                "this is a jcompose bug; the engine log has the stack trace",
                ExitCode.FAILURE);
    }

    private void send(Frame frame) {
        if (!closed) {
            socket.write(Buffer.buffer(FrameCodec.encode(frame) + "\n"));
        }
    }

    /** Succeeded at once unless the socket's write queue is full; then when it has drained. */
    private Future<Void> writable() {
        if (closed || !socket.writeQueueFull()) {
            return Future.succeededFuture();
        }
        Promise<Void> drained = Promise.promise();
        if (waitingForDrain.isEmpty()) {
            socket.drainHandler(v -> engine.execute(this::drained));
        }
        waitingForDrain.add(drained);
        return drained.future();
    }

    private void drained() {
        List<Promise<Void>> waiting = List.copyOf(waitingForDrain);
        waitingForDrain.clear();
        waiting.forEach(Promise::tryComplete);
    }

    private void onClose() {
        closed = true;
        drained(); // nobody will read any more: writers go on, and see their cancellation
        List<Cancellation> orphans = List.copyOf(inFlight.values());
        inFlight.clear();
        orphans.forEach(Cancellation::cancel);
        observer.closed();
    }
}
