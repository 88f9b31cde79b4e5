package dev.jcompose.cli;

import dev.jcompose.api.ComposeService;
import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.ExecOutcome;
import dev.jcompose.api.LogOptions;
import dev.jcompose.api.LogRecord;
import dev.jcompose.api.PortBinding;
import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackListener;
import dev.jcompose.api.UpOptions;
import dev.jcompose.model.Project;
import dev.jcompose.remote.ComposeBackends;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/** A {@link ComposeService} that records each call as one line and answers with canned data. */
final class RecordingCompose implements ComposeService {
    final List<String> calls = new ArrayList<>();
    final List<Object> arguments = new ArrayList<>();
    List<ContainerSummary> containers = List.of();
    /** What {@code oneOffs} returns. */
    List<ContainerSummary> oneOffs = List.of();
    /** Successive answers of ps, the last one repeated; empty = {@link #containers}. */
    final java.util.ArrayDeque<List<ContainerSummary>> psScript = new java.util.ArrayDeque<>();

    List<LogRecord> logs = List.of();
    ExecOutcome execOutcome = new ExecOutcome(0, "", "");
    List<StackEvent> events = List.of();

    ComposeBackends.Backend backend() {
        return new ComposeBackends.Backend() {
            @Override
            public ComposeService service() {
                return RecordingCompose.this;
            }

            @Override
            public void close() {}
        };
    }

    /** Every call as it happens, for a test waiting on a command running in another thread. */
    final java.util.concurrent.BlockingQueue<String> callLog = new java.util.concurrent.LinkedBlockingQueue<>();

    private void record(String call, Object argument, StackListener listener) {
        synchronized (this) {
            calls.add(call);
            arguments.add(argument);
        }
        callLog.add(call);
        if (listener != null) {
            events.forEach(listener::onEvent);
        }
    }

    @Override
    public void up(Project project, UpOptions options, StackListener listener) {
        record("up " + project.name(), options, listener);
    }

    @Override
    public void down(String projectName, Optional<Project> project, DownOptions options, StackListener listener) {
        record("down " + projectName + (project.isPresent() ? " with model" : " by labels"), options, listener);
    }

    /** ps calls so far, readable from another thread. */
    final java.util.concurrent.atomic.AtomicInteger psCalls = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public List<ContainerSummary> oneOffs(String projectName) {
        record("oneOffs " + projectName, null, null);
        return oneOffs;
    }

    @Override
    public List<ContainerSummary> ps(String projectName, boolean all) {
        record("ps " + projectName + " all=" + all, null, null);
        psCalls.incrementAndGet();
        if (psScript.size() > 1) {
            return psScript.poll();
        }
        return psScript.isEmpty() ? containers : psScript.peek();
    }

    List<dev.jcompose.api.ContainerEvent> containerEvents = List.of();

    @Override
    public void events(String projectName, List<String> services, Consumer<dev.jcompose.api.ContainerEvent> sink) {
        record("events " + projectName + " " + services, null, null);
        containerEvents.forEach(sink);
    }

    /** When set, events with a subscription streams from it until interrupted, as the engine does. */
    java.util.concurrent.BlockingQueue<dev.jcompose.api.ContainerEvent> liveEvents;

    @Override
    public void events(
            String projectName,
            List<String> services,
            Runnable subscribed,
            Consumer<dev.jcompose.api.ContainerEvent> sink) {
        if (liveEvents == null) {
            ComposeService.super.events(projectName, services, subscribed, sink);
            return;
        }
        record("events " + projectName + " " + services, null, null);
        subscribed.run();
        try {
            while (true) {
                sink.accept(liveEvents.take());
            }
        } catch (InterruptedException e) {
            throw new dev.jcompose.api.StackException(
                    "receiving the events of " + projectName + " was interrupted", null);
        }
    }

    dev.jcompose.api.RunOutcome runOutcome = new dev.jcompose.api.RunOutcome("demo-web-run-0123456789ab", 0);

    @Override
    public dev.jcompose.api.RunOutcome run(
            Project project, dev.jcompose.api.RunOptions options, StackListener listener, Consumer<LogRecord> output) {
        record("run " + project.name(), options, listener);
        logs.forEach(output);
        return runOutcome;
    }

    @Override
    public void logs(String projectName, LogOptions options, Consumer<LogRecord> sink) {
        record("logs " + projectName, options, null);
        logs.forEach(sink);
    }

    @Override
    public ExecOutcome exec(String projectName, ExecOptions options) {
        record("exec " + projectName, options, null);
        return execOutcome;
    }

    dev.jcompose.container.ExecRecipe execRecipe;
    dev.jcompose.api.OneOffAttach oneOffAttach;
    int oneOffExit;

    @Override
    public dev.jcompose.container.ExecRecipe execRecipe(
            String projectName, ExecOptions options, boolean tty, boolean detach) {
        record("execRecipe " + projectName + " tty=" + tty + " detach=" + detach, options, null);
        return execRecipe;
    }

    @Override
    public dev.jcompose.api.OneOffAttach createOneOff(
            Project project, dev.jcompose.api.RunOptions options, StackListener listener) {
        record("createOneOff " + project.name(), options, listener);
        return oneOffAttach;
    }

    @Override
    public int startOneOff(String projectName, String container, boolean remove, StackListener listener) {
        record("startOneOff " + projectName + " " + container + " remove=" + remove, null, listener);
        return oneOffExit;
    }

    @Override
    public void start(String projectName, List<String> services, StackListener listener) {
        record("start " + projectName + " " + services, null, listener);
    }

    @Override
    public void stop(String projectName, List<String> services, Duration timeout, StackListener listener) {
        record("stop " + projectName + " " + services + " " + timeout, null, listener);
    }

    @Override
    public void restart(String projectName, List<String> services, Duration timeout, StackListener listener) {
        record("restart " + projectName + " " + services + " " + timeout, null, listener);
    }

    @Override
    public void lease(String projectName, dev.jcompose.api.ProjectLease lease) {
        record("lease " + projectName + " " + lease.ownerPid(), null, null);
    }

    @Override
    public void kill(String projectName, List<String> services, String signal, StackListener listener) {
        record("kill " + projectName + " " + services + " " + signal, null, listener);
    }

    @Override
    public void pause(String projectName, List<String> services, StackListener listener) {
        record("pause " + projectName + " " + services, null, listener);
    }

    @Override
    public void unpause(String projectName, List<String> services, StackListener listener) {
        record("unpause " + projectName + " " + services, null, listener);
    }

    @Override
    public void rm(String projectName, List<String> services, boolean volumes, StackListener listener) {
        record("rm " + projectName + " " + services + " volumes=" + volumes, null, listener);
    }

    @Override
    public Optional<PortBinding> port(String projectName, String service, int index, int privatePort, String protocol) {
        record("port " + projectName + " " + service + " " + index + " " + privatePort + "/" + protocol, null, null);
        return privatePort == 80 ? Optional.of(new PortBinding("127.0.0.1", 8080, 80, "tcp")) : Optional.empty();
    }

    @Override
    public SortedMap<String, List<dev.jcompose.api.ContainerProcess>> top(String projectName, List<String> services) {
        record("top " + projectName + " " + services, null, null);
        java.time.Instant started = java.time.Instant.parse("2025-06-01T09:00:00Z");
        return new TreeMap<>(java.util.Map.of(
                "demo-web-1",
                List.of(
                        new dev.jcompose.api.ContainerProcess(
                                "root", 1201, 1190, 0, started, "?", java.time.Duration.ofSeconds(3), "httpd -f"),
                        new dev.jcompose.api.ContainerProcess(
                                "nobody", 1207, 1201, 2, started, "pts/0", java.time.Duration.ZERO, "sh"))));
    }

    @Override
    public List<dev.jcompose.api.ContainerImage> images(String projectName, List<String> services) {
        record("images " + projectName + " " + services, null, null);
        return List.of(new dev.jcompose.api.ContainerImage(
                "demo-web-1",
                "web",
                "docker.io/library/busybox:1.36",
                "sha256:e72ca41ec4022bd94381cc3c0277a8d14a4896323ef4d9cdddbdecc67ca8217a",
                1_033_421));
    }

    @Override
    public void pull(Project project, List<String> services, StackListener listener) {
        record("pull " + project.name() + " " + services, null, listener);
    }

    @Override
    public void build(Project project, dev.jcompose.api.BuildOptions options, StackListener listener) {
        record("build " + project.name() + " " + options, null, listener);
    }

    @Override
    public void push(Project project, dev.jcompose.api.PushOptions options, StackListener listener) {
        record("push " + project.name() + " " + options.services(), options, listener);
    }

    /** Each sync call's changes, readable from another thread (watch syncs on its own). */
    final java.util.concurrent.BlockingQueue<List<dev.jcompose.api.FileSync>> syncs =
            new java.util.concurrent.LinkedBlockingQueue<>();

    @Override
    public void sync(String projectName, String service, List<dev.jcompose.api.FileSync> changes) {
        record("sync " + projectName + " " + service, changes, null);
        syncs.add(changes);
    }
}
