package dev.jcompose.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.daemon.EngineClient;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * Runs one blocking {@link EngineClient} call so that interrupting the calling thread cancels it in
 * the engine: the call waits on a helper thread while the caller waits for it interruptibly.
 * Events are still delivered on the helper thread, in order.
 */
final class InterruptibleCall {
    private final EngineClient client;

    InterruptibleCall(EngineClient client) {
        this.client = client;
    }

    JsonNode run(String method, JsonNode params, Consumer<JsonNode> events) {
        FutureTask<JsonNode> task = new FutureTask<>(() -> client.call(method, params, events));
        Thread.ofVirtual().name("jcompose-call-" + method).start(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            client.cancel();
            Thread.currentThread().interrupt();
            throw new JcomposeException("`" + method + "` was canceled", null, ExitCode.CANCELED, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new JcomposeException(
                    "`" + method + "` failed: " + e.getCause(), null, ExitCode.FAILURE, e.getCause());
        }
    }
}
