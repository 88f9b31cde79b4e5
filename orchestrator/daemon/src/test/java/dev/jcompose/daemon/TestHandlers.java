package dev.jcompose.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.JcomposeException;
import dev.jcompose.engine.EngineContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only methods: echo (streams params.events, returns params), fail (throws the JcomposeException
 * described by params), sleep (waits for its cancellation) and hold (project-scoped, runs until the
 * test releases params.token). Registered in launched engines through META-INF/services.
 */
public final class TestHandlers implements HandlerRegistry {
    /** What hold calls did, in order; read by the test thread. */
    private final List<String> log = new ArrayList<>();
    /** Engine context only. */
    private final Map<String, Promise<JsonNode>> holds = new HashMap<>();

    @Override
    public void register(MethodRegistry methods, EngineContext engine, dev.jcompose.host.HostAccess host) {
        methods.register("echo", (params, events, cancellation) -> {
            params.path("events").forEach(events::emit);
            return Future.succeededFuture(params);
        });
        methods.register("fail", (params, events, cancellation) -> {
            throw new JcomposeException(
                    params.path("message").asText(),
                    params.hasNonNull("hint") ? params.get("hint").asText() : null,
                    params.path("exitCode").asInt());
        });
        methods.register("sleep", (params, events, cancellation) -> {
            Promise<JsonNode> done = Promise.promise();
            events.emit(FrameCodec.object().put("kind", "sleeping"));
            cancellation.onCancel(() -> {
                synchronized (log) {
                    log.add("cancelled sleep");
                }
                done.fail(Cancellation.cancelled("sleep"));
            });
            return done.future();
        });
        methods.register("flood", (params, events, cancellation) -> {
            // Emits 1 KiB events until the CLI stops reading, then waits for it to catch up.
            JsonNode line = FrameCodec.object().put("line", "x".repeat(1024));
            int emitted = 0;
            Future<Void> writable = events.whenWritable();
            while (writable.isComplete() && emitted < 100_000) {
                events.emit(line);
                emitted++;
                writable = events.whenWritable();
            }
            record("paused after " + (emitted < 100_000 ? "filling the socket" : "100000 events"));
            int total = emitted;
            return writable.map(v -> {
                record("resumed");
                return FrameCodec.object().put("emitted", total);
            });
        });
        methods.registerProjectScoped("hold", (params, events, cancellation) -> {
            String token = params.path("token").asText();
            record("start " + token);
            Promise<JsonNode> done = Promise.promise();
            holds.put(token, done);
            return done.future().andThen(result -> record("end " + token));
        });
    }

    /** Lets the hold call with {@code token} finish; from the test thread. */
    public void release(EngineContext engine, String token) {
        engine.execute(() -> holds.remove(token).complete(FrameCodec.object().put("token", token)));
    }

    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    private void record(String entry) {
        synchronized (log) {
            log.add(entry);
        }
    }
}
