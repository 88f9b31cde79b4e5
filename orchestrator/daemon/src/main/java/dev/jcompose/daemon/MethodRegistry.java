package dev.jcompose.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The engine's methods by name. Filled before the server starts; read-only afterwards. */
public final class MethodRegistry {
    /**
     * A registered method. Project-scoped methods mutate one project and carry its name in
     * {@code params.project}; the engine runs them one at a time per project.
     */
    public record Method(String name, boolean projectScoped, Handler handler) {}

    private final Map<String, Method> methods = new TreeMap<>();
    /** Calls being served, on every connection (engine context only): what {@code hello} reports as busy. */
    private int callsInFlight;
    /** Project-scoped calls, whoever makes them: the CLIs on every connection and the engine itself. */
    private final ProjectQueue projects = new ProjectQueue();

    /** A method that may run concurrently with anything (ps, logs, hello). */
    public MethodRegistry register(String name, Handler handler) {
        return add(new Method(name, false, handler));
    }

    /** A method that mutates {@code params.project}: queued behind another one on the same project. */
    public MethodRegistry registerProjectScoped(String name, Handler handler) {
        return add(new Method(name, true, handler));
    }

    public Optional<Method> find(String name) {
        return Optional.ofNullable(methods.get(name));
    }

    /** Sorted names, for the unknown-method message. */
    public String names() {
        return String.join(", ", methods.keySet());
    }

    /** A connection dispatched a call (engine context only). */
    void callStarted() {
        callsInFlight++;
    }

    /** A call was answered (engine context only). */
    void callEnded() {
        callsInFlight--;
    }

    /** Calls being served now, including the one asking (engine context only). */
    int callsInFlight() {
        return callsInFlight;
    }

    /**
     * Runs {@code method}: at once, or, when it is project-scoped, queued behind the calls already
     * running on {@code params.project}. Engine context only.
     */
    Future<JsonNode> dispatch(Method method, JsonNode params, Handler.Events events, Cancellation cancellation) {
        if (!method.projectScoped()) {
            return invoke(method, params, events, cancellation);
        }
        JsonNode project = params.get("project");
        if (project == null || !project.isTextual() || project.asText().isEmpty()) {
            return Future.failedFuture(new JcomposeException(
                    "engine method `" + method.name() + "` needs params.project (a non-empty string)",
                    "this is a jcompose bug",
                    ExitCode.FAILURE));
        }
        return projects.run(
                project.asText(),
                method.name(),
                events,
                cancellation,
                () -> invoke(method, params, events, cancellation));
    }

    /**
     * A call the engine makes to itself (the lease reaper's {@code down}): queued on its project like
     * a CLI's, its events dropped, never cancelled. Engine context only.
     */
    public Future<JsonNode> callInternally(String name, JsonNode params) {
        Method method = find(name)
                .orElseThrow(() -> new JcomposeException(
                        "engine method `" + name + "` is not registered", "this is a jcompose bug", ExitCode.FAILURE));
        return dispatch(method, params, event -> {}, new Cancellation());
    }

    private static Future<JsonNode> invoke(
            Method method, JsonNode params, Handler.Events events, Cancellation cancellation) {
        try {
            Future<JsonNode> result = method.handler().handle(params, events, cancellation);
            return result == null ? Future.succeededFuture(FrameCodec.object()) : result;
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private MethodRegistry add(Method method) {
        if (methods.putIfAbsent(method.name(), method) != null) {
            throw new JcomposeException(
                    "engine method `" + method.name() + "` is registered twice",
                    "two HandlerRegistry implementations claim the same method; this is a jcompose bug",
                    ExitCode.FAILURE);
        }
        return this;
    }
}
