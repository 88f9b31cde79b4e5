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
    }
}
