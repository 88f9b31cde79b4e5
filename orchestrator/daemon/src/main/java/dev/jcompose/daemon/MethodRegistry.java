package dev.jcompose.daemon;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
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
