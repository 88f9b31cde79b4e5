package dev.jcompose.daemon;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import io.vertx.core.Future;

/** The methods every engine answers, whatever the wiring registers: hello, ping, shutdown. */
public final class BuiltinMethods {
    private BuiltinMethods() {}

    /**
     * {@code shutdownRequest} runs on the engine context after the reply is queued on the socket;
     * it must only signal the main thread, which then closes the server and the engine.
     * {@code hello} reports how many other calls the engine serves; {@code shutdown} with
     * {@code ifIdle} refuses while it serves any (a CLI of another build replacing an idle engine
     * must not cut off a command that started meanwhile).
     */
    public static MethodRegistry register(MethodRegistry methods, EngineInfo info, Runnable shutdownRequest) {
        methods.register(
                "hello",
                (params, events, cancellation) ->
                        Future.succeededFuture(info.serving(others(methods)).toJson()));
        methods.register("ping", (params, events, cancellation) -> Future.succeededFuture(FrameCodec.object()));
        methods.register("shutdown", (params, events, cancellation) -> {
            int others = others(methods);
            if (params.path("ifIdle").asBoolean() && others > 0) {
                return Future.failedFuture(new JcomposeException(
                        "the jcompose engine (pid " + info.pid() + ") is busy with " + calls(others)
                                + "; not stopping it",
                        "stop it with `jcompose engine stop` once they are done",
                        ExitCode.FAILURE));
            }
            // Queued behind the reply write: the client gets its answer before the socket closes.
            io.vertx.core.Vertx.currentContext().runOnContext(v -> shutdownRequest.run());
            return Future.succeededFuture(FrameCodec.object());
        });
        return methods;
    }

    /** Calls in flight besides the one asking. */
    private static int others(MethodRegistry methods) {
        return Math.max(0, methods.callsInFlight() - 1);
    }

    static String calls(int n) {
        return n + (n == 1 ? " command" : " commands");
    }
}
