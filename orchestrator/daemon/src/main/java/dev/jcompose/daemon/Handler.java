package dev.jcompose.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;

/**
 * One engine method. Runs on the engine context: it must not block (blocking host calls go through
 * {@link dev.jcompose.engine.EngineContext#blocking}). A {@link dev.jcompose.JcomposeException}
 * failing the future (or thrown) crosses the socket with its message, hint and exit code.
 */
@FunctionalInterface
public interface Handler {
    Future<JsonNode> handle(JsonNode params, Events events, Cancellation cancellation);

    /** Streams progress events and log lines to the calling CLI, in order. */
    @FunctionalInterface
    interface Events {
        void emit(JsonNode event);

        /**
         * Completes when the CLI has caught up with what was emitted. Emitting never blocks, so a
         * handler streaming without end (logs -f of a chatty container) must wait on this before
         * emitting more, or the engine buffers everything the CLI has not read yet.
         */
        default Future<Void> whenWritable() {
            return Future.succeededFuture();
        }
    }
}
