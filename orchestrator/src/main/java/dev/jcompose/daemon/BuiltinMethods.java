package dev.jcompose.daemon;

import io.vertx.core.Future;

/** The methods every engine answers, whatever the wiring registers: hello, ping, shutdown. */
public final class BuiltinMethods {
    private BuiltinMethods() {
    }

    /**
     * {@code shutdownRequest} runs on the engine context after the reply is queued on the socket;
     * it must only signal the main thread, which then closes the server and the engine.
     */
    public static MethodRegistry register(MethodRegistry methods, EngineInfo info, Runnable shutdownRequest) {
        methods.register("hello", (params, events, cancellation) -> Future.succeededFuture(info.toJson()));
        methods.register("ping", (params, events, cancellation) -> Future.succeededFuture(FrameCodec.object()));
        methods.register("shutdown", (params, events, cancellation) -> {
            // Queued behind the reply write: the client gets its answer before the socket closes.
            io.vertx.core.Vertx.currentContext().runOnContext(v -> shutdownRequest.run());
            return Future.succeededFuture(FrameCodec.object());
        });
        return methods;
    }
}
