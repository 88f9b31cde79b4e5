package dev.jcompose.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.api.BuildOptions;
import dev.jcompose.api.ComposeService;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.FileSync;
import dev.jcompose.api.LogOptions;
import dev.jcompose.api.ProjectLease;
import dev.jcompose.api.RunOptions;
import dev.jcompose.api.StackListener;
import dev.jcompose.api.UpOptions;
import dev.jcompose.daemon.Cancellation;
import dev.jcompose.daemon.Handler;
import dev.jcompose.daemon.HandlerRegistry;
import dev.jcompose.daemon.MethodRegistry;
import dev.jcompose.daemon.StackEnvironment;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.host.HostAccess;
import dev.jcompose.stack.Stack;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Serves every {@link ComposeService} method on the engine socket ({@code compose.up}...). ONE
 * {@link Stack} lives as long as the engine, opened on the first call, so DNS, health checks and
 * restart supervision keep running between commands. The stack's methods block; each call runs on
 * its own virtual thread and reports back on the engine context, in order: events, then the result.
 * The stack is never closed: it serves until the engine process exits (containers keep running).
 */
public final class EngineHandlers implements HandlerRegistry {
    private final Object lock = new Object();
    private volatile Stack stack;
    private ComposeService service;
    /** Set by {@link #register}, before any command can arrive. */
    private EngineContext engine;

    private HostAccess host;

    @Override
    public void register(MethodRegistry methods, EngineContext engine, HostAccess host) {
        this.engine = engine;
        this.host = host;
        methods.registerProjectScoped("compose.up", blocking(engine, (c, p) -> {
            c.service()
                    .up(
                            WireJson.model(p).orElseThrow(),
                            WireJson.read(p.get("options"), UpOptions.class),
                            c.listener());
            return null;
        }));
        methods.registerProjectScoped("compose.down", blocking(engine, (c, p) -> {
            c.service()
                    .down(
                            project(p),
                            WireJson.model(p),
                            WireJson.read(p.get("options"), DownOptions.class),
                            c.listener());
            return null;
        }));
        methods.registerProjectScoped("compose.lease", blocking(engine, (c, p) -> {
            c.service().lease(project(p), WireJson.read(p.get("lease"), ProjectLease.class));
            return null;
        }));
        methods.registerProjectScoped("compose.pull", blocking(engine, (c, p) -> {
            c.service().pull(WireJson.model(p).orElseThrow(), Params.services(p), c.listener());
            return null;
        }));
        methods.registerProjectScoped("compose.build", blocking(engine, (c, p) -> {
            c.service()
                    .build(
                            WireJson.model(p).orElseThrow(),
                            WireJson.read(p.get("options"), BuildOptions.class),
                            c.listener());
            return null;
        }));
        methods.registerProjectScoped("compose.push", blocking(engine, (c, p) -> {
            c.service()
                    .push(
                            WireJson.model(p).orElseThrow(),
                            WireJson.read(p.get("options"), dev.jcompose.api.PushOptions.class),
                            c.listener());
            return null;
        }));
        methods.registerProjectScoped("compose.sync", blocking(engine, (c, p) -> {
            c.service()
                    .sync(
                            project(p),
                            p.path("service").asText(),
                            List.of(WireJson.read(p.get("changes"), FileSync[].class)));
            return null;
        }));
        methods.register(
                "compose.ps",
                blocking(
                        engine,
                        (c, p) -> WireJson.tree(
                                c.service().ps(project(p), p.path("all").asBoolean()))));
        methods.register(
                "compose.oneOffs",
                blocking(engine, (c, p) -> WireJson.tree(c.service().oneOffs(project(p)))));
        methods.register("compose.logs", blocking(engine, (c, p) -> {
            c.service().logs(project(p), WireJson.read(p.get("options"), LogOptions.class), r -> {
                if (c.cancelled()) {
                    throw new CancellationException("logs cancelled"); // ends a follow at its next line
                }
                c.emit(WireJson.event(r));
            });
            return null;
        }));
        methods.register("compose.events", blocking(engine, (c, p) -> {
            c.service().events(project(p), Params.services(p), () -> c.emit(WireJson.subscribed()), e -> {
                if (c.cancelled()) {
                    throw new CancellationException("events cancelled");
                }
                c.emit(WireJson.event(e));
            });
            return null;
        }));
        // not project-scoped: an attached one-off may run for long, and must not hold the project's other commands
        methods.register(
                "compose.run",
                blocking(
                        engine,
                        (c, p) -> WireJson.tree(c.service()
                                .run(
                                        WireJson.model(p).orElseThrow(),
                                        WireJson.read(p.get("options"), RunOptions.class),
                                        c.listener(),
                                        r -> c.emit(WireJson.event(r))))));
        methods.register(
                "compose.createOneOff",
                blocking(
                        engine,
                        (c, p) -> WireJson.tree(c.service()
                                .createOneOff(
                                        WireJson.model(p).orElseThrow(),
                                        WireJson.read(p.get("options"), RunOptions.class),
                                        c.listener()))));
        methods.register("compose.startOneOff", blocking(engine, (c, p) -> {
            ObjectNode out = WireJson.object();
            out.put(
                    "exitCode",
                    c.service()
                            .startOneOff(
                                    project(p),
                                    p.path("container").asText(),
                                    p.path("remove").asBoolean(),
                                    c.listener()));
            return out;
        }));
        methods.register(
                "compose.execRecipe",
                blocking(
                        engine,
                        (c, p) -> WireJson.tree(c.service()
                                .execRecipe(
                                        project(p),
                                        WireJson.read(p.get("options"), ExecOptions.class),
                                        p.path("tty").asBoolean(),
                                        p.path("detach").asBoolean()))));
        methods.register(
                "compose.exec",
                blocking(
                        engine,
                        (c, p) -> WireJson.tree(
                                c.service().exec(project(p), WireJson.read(p.get("options"), ExecOptions.class)))));
        registerLifecycle(methods, engine);
        new LeaseReaper(engine, methods, host).start();
        methods.register("compose.port", blocking(engine, (c, p) -> {
            ObjectNode out = WireJson.object();
            c.service()
                    .port(
                            project(p),
                            p.path("service").asText(),
                            p.path("index").asInt(1),
                            p.path("privatePort").asInt(),
                            p.path("protocol").asText("tcp"))
                    .ifPresent(b -> out.set("binding", WireJson.tree(b)));
            return out;
        }));
        methods.register(
                "compose.top",
                blocking(engine, (c, p) -> WireJson.tree(c.service().top(project(p), Params.services(p)))));
        methods.register(
                "compose.images",
                blocking(engine, (c, p) -> WireJson.tree(c.service().images(project(p), Params.services(p)))));
    }

    private void registerLifecycle(MethodRegistry methods, EngineContext engine) {
        methods.registerProjectScoped("compose.start", blocking(engine, (c, p) -> {
            c.service().start(project(p), Params.services(p), c.listener());
            return null;
        }));
        methods.registerProjectScoped("compose.stop", blocking(engine, (c, p) -> {
            c.service().stop(project(p), Params.services(p), Params.timeout(p), c.listener());
            return null;
        }));
        methods.registerProjectScoped("compose.restart", blocking(engine, (c, p) -> {
            c.service().restart(project(p), Params.services(p), Params.timeout(p), c.listener());
            return null;
        }));
        methods.registerProjectScoped("compose.kill", blocking(engine, (c, p) -> {
            c.service().kill(project(p), Params.services(p), p.path("signal").asText(null), c.listener());
            return null;
        }));
        methods.registerProjectScoped("compose.pause", blocking(engine, (c, p) -> {
            c.service().pause(project(p), Params.services(p), c.listener());
            return null;
        }));
        methods.registerProjectScoped("compose.unpause", blocking(engine, (c, p) -> {
            c.service().unpause(project(p), Params.services(p), c.listener());
            return null;
        }));
        methods.registerProjectScoped("compose.rm", blocking(engine, (c, p) -> {
            c.service().rm(project(p), Params.services(p), p.path("volumes").asBoolean(), c.listener());
            return null;
        }));
    }

    /** Containers run under conmon whether or not the engine lives; supervision needs it alive once opened. */
    @Override
    public boolean keepsEngineAlive() {
        return stack != null;
    }

    private static String project(JsonNode params) {
        return params.path("project").asText();
    }

    /** What a call's body sees: the service, its events, its cancellation. */
    private record Call(
            ComposeService service,
            EngineContext engine,
            Handler.Events events,
            Cancellation cancellation,
            java.util.concurrent.atomic.AtomicBoolean cancelFlag) {
        StackListener listener() {
            return e -> emit(WireJson.event(e));
        }

        void emit(JsonNode event) {
            engine.execute(() -> events.emit(event));
        }

        boolean cancelled() {
            return cancelFlag.get();
        }
    }

    private interface Body {
        JsonNode run(Call call, JsonNode params);
    }

    private Handler blocking(EngineContext engine, Body body) {
        return (params, events, cancellation) -> {
            Promise<JsonNode> result = Promise.promise();
            java.util.concurrent.atomic.AtomicBoolean flag = new java.util.concurrent.atomic.AtomicBoolean();
            Thread worker = Thread.ofVirtual().name("jcompose-call").unstarted(() -> {
                try {
                    JsonNode out = body.run(new Call(service(), engine, events, cancellation, flag), params);
                    engine.execute(() -> result.tryComplete(out));
                } catch (RuntimeException e) {
                    RuntimeException reported = flag.get() ? Cancellation.cancelled(method(params)) : e;
                    engine.execute(() -> result.tryFail(reported));
                }
            });
            cancellation.onCancel(() -> {
                flag.set(true);
                worker.interrupt();
            });
            worker.start();
            return result.future();
        };
    }

    private static String method(JsonNode params) {
        return "command on project " + project(params);
    }

    private ComposeService service() {
        synchronized (lock) {
            if (service == null) {
                Stack opened = Stack.open(StackEnvironment.settings(host.environment()), host, engine);
                // The host's one engine, before its first command: no create is in flight, so what a
                // killed predecessor left half-created can go.
                try {
                    opened.reapHalfCreated();
                } catch (RuntimeException e) {
                    System.err.println("jcompose engine: cannot remove half-created containers: " + e.getMessage());
                }
                service = opened.service();
                stack = opened;
            }
            return service;
        }
    }

    /** Reads the list-and-duration parameters shared by the lifecycle methods. */
    static final class Params {
        private Params() {}

        static java.util.List<String> services(JsonNode params) {
            java.util.List<String> out = new java.util.ArrayList<>();
            params.path("services").forEach(s -> out.add(s.asText()));
            return out;
        }

        static java.time.Duration timeout(JsonNode params) {
            JsonNode t = params.get("timeoutMillis");
            return t == null || t.isNull() ? null : java.time.Duration.ofMillis(t.asLong());
        }
    }
}
