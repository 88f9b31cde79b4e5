package dev.jcompose.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.api.BuildOptions;
import dev.jcompose.api.ComposeService;
import dev.jcompose.api.ContainerEvent;
import dev.jcompose.api.ContainerImage;
import dev.jcompose.api.ContainerProcess;
import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.ExecOutcome;
import dev.jcompose.api.FileSync;
import dev.jcompose.api.LogOptions;
import dev.jcompose.api.LogRecord;
import dev.jcompose.api.OneOffAttach;
import dev.jcompose.api.PortBinding;
import dev.jcompose.api.ProjectLease;
import dev.jcompose.api.PushOptions;
import dev.jcompose.api.RunOptions;
import dev.jcompose.api.RunOutcome;
import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackException;
import dev.jcompose.api.StackListener;
import dev.jcompose.api.UpOptions;
import dev.jcompose.container.ExecRecipe;
import dev.jcompose.daemon.EngineClient;
import dev.jcompose.model.Project;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link ComposeService} in the host's engine process. Each call opens its own connection (the
 * engine is found or started by the supplier), so calls from several threads (logs -f next to a
 * stop on Ctrl-C) never wait for each other here; interrupting the calling thread cancels the call
 * in the engine.
 */
public final class RemoteComposeService implements ComposeService {
    static final int SYNC_BATCH = 2 * 1024 * 1024;
    private final Supplier<EngineClient> connect;
    private final Consumer<String> notices;

    /**
     * @param connect  {@code EngineLauncher::ensureRunning}
     * @param notices  where the engine's own messages go ("waiting for another jcompose command...")
     */
    public RemoteComposeService(Supplier<EngineClient> connect, Consumer<String> notices) {
        this.connect = connect;
        this.notices = notices;
    }

    @Override
    public void up(Project project, UpOptions options, StackListener listener) {
        ObjectNode p = params(project.name());
        p.set("model", WireJson.model(project));
        p.set("options", WireJson.tree(options));
        call("compose.up", p, listener, null);
    }

    @Override
    public void down(String projectName, Optional<Project> project, DownOptions options, StackListener listener) {
        ObjectNode p = params(projectName);
        project.ifPresent(m -> p.set("model", WireJson.model(m)));
        p.set("options", WireJson.tree(options));
        call("compose.down", p, listener, null);
    }

    @Override
    public List<ContainerSummary> ps(String projectName, boolean all) {
        ObjectNode p = params(projectName);
        p.put("all", all);
        JsonNode out = call("compose.ps", p, null, null);
        return WireJson.MAPPER.convertValue(out, new TypeReference<List<ContainerSummary>>() {});
    }

    @Override
    public List<ContainerSummary> oneOffs(String projectName) {
        JsonNode out = call("compose.oneOffs", params(projectName), null, null);
        return WireJson.MAPPER.convertValue(out, new TypeReference<List<ContainerSummary>>() {});
    }

    @Override
    public void logs(String projectName, LogOptions options, Consumer<LogRecord> sink) {
        ObjectNode p = params(projectName);
        p.set("options", WireJson.tree(options));
        call("compose.logs", p, null, sink);
    }

    @Override
    public void events(String projectName, List<String> services, Consumer<ContainerEvent> sink) {
        call("compose.events", params(projectName, services, null), null, null, sink);
    }

    @Override
    public void events(String projectName, List<String> services, Runnable subscribed, Consumer<ContainerEvent> sink) {
        call("compose.events", params(projectName, services, null), null, null, sink, subscribed);
    }

    @Override
    public RunOutcome run(Project project, RunOptions options, StackListener listener, Consumer<LogRecord> output) {
        ObjectNode p = params(project.name());
        p.set("model", WireJson.model(project));
        p.set("options", WireJson.tree(options));
        return WireJson.read(call("compose.run", p, listener, output), RunOutcome.class);
    }

    @Override
    public OneOffAttach createOneOff(Project project, RunOptions options, StackListener listener) {
        ObjectNode p = params(project.name());
        p.set("model", WireJson.model(project));
        p.set("options", WireJson.tree(options));
        return WireJson.read(call("compose.createOneOff", p, listener, null), OneOffAttach.class);
    }

    @Override
    public int startOneOff(String projectName, String container, boolean remove, StackListener listener) {
        ObjectNode p = params(projectName);
        p.put("container", container);
        p.put("remove", remove);
        return call("compose.startOneOff", p, listener, null).path("exitCode").asInt();
    }

    @Override
    public ExecRecipe execRecipe(String projectName, ExecOptions options, boolean tty, boolean detach) {
        ObjectNode p = params(projectName);
        p.set("options", WireJson.tree(options));
        p.put("tty", tty);
        p.put("detach", detach);
        return WireJson.read(call("compose.execRecipe", p, null, null), ExecRecipe.class);
    }

    @Override
    public ExecOutcome exec(String projectName, ExecOptions options) {
        ObjectNode p = params(projectName);
        p.set("options", WireJson.tree(options));
        return WireJson.read(call("compose.exec", p, null, null), ExecOutcome.class);
    }

    @Override
    public void start(String projectName, List<String> services, StackListener listener) {
        call("compose.start", params(projectName, services, null), listener, null);
    }

    @Override
    public void stop(String projectName, List<String> services, Duration timeout, StackListener listener) {
        call("compose.stop", params(projectName, services, timeout), listener, null);
    }

    @Override
    public void restart(String projectName, List<String> services, Duration timeout, StackListener listener) {
        call("compose.restart", params(projectName, services, timeout), listener, null);
    }

    @Override
    public void lease(String projectName, ProjectLease lease) {
        ObjectNode p = params(projectName);
        p.set("lease", WireJson.tree(lease));
        call("compose.lease", p, event -> {}, null);
    }

    @Override
    public void kill(String projectName, List<String> services, String signal, StackListener listener) {
        ObjectNode p = params(projectName, services, null);
        if (signal != null) {
            p.put("signal", signal);
        }
        call("compose.kill", p, listener, null);
    }

    @Override
    public void pause(String projectName, List<String> services, StackListener listener) {
        call("compose.pause", params(projectName, services, null), listener, null);
    }

    @Override
    public void unpause(String projectName, List<String> services, StackListener listener) {
        call("compose.unpause", params(projectName, services, null), listener, null);
    }

    @Override
    public void rm(String projectName, List<String> services, boolean volumes, StackListener listener) {
        ObjectNode p = params(projectName, services, null);
        p.put("volumes", volumes);
        call("compose.rm", p, listener, null);
    }

    @Override
    public Optional<PortBinding> port(String projectName, String service, int index, int privatePort, String protocol) {
        ObjectNode p = params(projectName);
        p.put("service", service);
        p.put("index", index);
        p.put("privatePort", privatePort);
        p.put("protocol", protocol == null ? "tcp" : protocol);
        JsonNode binding = call("compose.port", p, null, null).get("binding");
        return binding == null || binding.isNull()
                ? Optional.empty()
                : Optional.of(WireJson.read(binding, PortBinding.class));
    }

    @Override
    public SortedMap<String, List<ContainerProcess>> top(String projectName, List<String> services) {
        JsonNode out = call("compose.top", params(projectName, services, null), null, null);
        return WireJson.MAPPER.convertValue(out, new TypeReference<TreeMap<String, List<ContainerProcess>>>() {});
    }

    @Override
    public List<ContainerImage> images(String projectName, List<String> services) {
        JsonNode out = call("compose.images", params(projectName, services, null), null, null);
        return WireJson.MAPPER.convertValue(out, new TypeReference<List<ContainerImage>>() {});
    }

    @Override
    public void pull(Project project, List<String> services, StackListener listener) {
        ObjectNode p = params(project.name(), services, null);
        p.set("model", WireJson.model(project));
        call("compose.pull", p, listener, null);
    }

    @Override
    public void build(Project project, BuildOptions options, StackListener listener) {
        ObjectNode p = params(project.name());
        p.set("model", WireJson.model(project));
        p.set("options", WireJson.tree(options));
        call("compose.build", p, listener, null);
    }

    @Override
    public void push(Project project, PushOptions options, StackListener listener) {
        ObjectNode p = params(project.name());
        p.set("model", WireJson.model(project));
        p.set("options", WireJson.tree(options));
        call("compose.push", p, listener, null);
    }

    /**
     * In requests of at most {@link #SYNC_BATCH} bytes of content (base64 in a socket line of at most
     * 4 MiB), in order; a file larger than a request is refused.
     */
    @Override
    public void sync(String projectName, String service, List<FileSync> changes) {
        List<FileSync> batch = new java.util.ArrayList<>();
        long size = 0;
        for (FileSync change : changes) {
            int length = change.content().length;
            if (length > SYNC_BATCH) {
                throw new StackException(
                        "cannot sync " + change.path() + " (" + length + " bytes): larger than " + SYNC_BATCH
                                + " bytes, the engine socket's limit",
                        "ignore it in develop.watch (ignore:) or use a bind mount for it");
            }
            if (size + length > SYNC_BATCH && !batch.isEmpty()) {
                syncBatch(projectName, service, batch);
                batch.clear();
                size = 0;
            }
            batch.add(change);
            size += length;
        }
        if (!batch.isEmpty()) {
            syncBatch(projectName, service, batch);
        }
    }

    private void syncBatch(String projectName, String service, List<FileSync> batch) {
        ObjectNode p = params(projectName);
        p.put("service", service);
        p.set("changes", WireJson.tree(batch));
        call("compose.sync", p, null, null);
    }

    private static ObjectNode params(String project) {
        ObjectNode p = WireJson.object();
        p.put("project", project);
        return p;
    }

    private static ObjectNode params(String project, List<String> services, Duration timeout) {
        ObjectNode p = params(project);
        ArrayNode list = p.putArray("services");
        services.forEach(list::add);
        if (timeout != null) {
            p.put("timeoutMillis", timeout.toMillis());
        }
        return p;
    }

    /**
     * One call on its own connection. The wait happens on a helper thread so that interrupting the
     * caller (Ctrl-C, a foreground {@code up} ending its log follow) sends a cancel and closes.
     */
    private JsonNode call(String method, JsonNode params, StackListener listener, Consumer<LogRecord> logs) {
        return call(method, params, listener, logs, null);
    }

    private JsonNode call(
            String method,
            JsonNode params,
            StackListener listener,
            Consumer<LogRecord> logs,
            Consumer<ContainerEvent> containerEvents) {
        return call(method, params, listener, logs, containerEvents, null);
    }

    private JsonNode call(
            String method,
            JsonNode params,
            StackListener listener,
            Consumer<LogRecord> logs,
            Consumer<ContainerEvent> containerEvents,
            Runnable subscribed) {
        try (EngineClient client = connect.get()) {
            Consumer<JsonNode> events = node -> {
                switch (WireJson.fromEvent(node)) {
                    case StackEvent e -> {
                        if (listener != null) {
                            listener.onEvent(e);
                        }
                    }
                    case LogRecord r -> {
                        if (logs != null) {
                            logs.accept(r);
                        }
                    }
                    case ContainerEvent c -> {
                        if (containerEvents != null) {
                            containerEvents.accept(c);
                        }
                    }
                    case WireJson.Marker m -> {
                        if (subscribed != null) {
                            subscribed.run();
                        }
                    }
                    case String notice -> notices.accept(notice);
                    default -> {}
                }
            };
            return new InterruptibleCall(client).run(method, params, events);
        }
    }
}
