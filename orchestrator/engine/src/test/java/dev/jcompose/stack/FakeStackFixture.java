package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.ComposeService;
import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackListener;
import dev.jcompose.container.InMemoryContainerRuntime;
import dev.jcompose.container.ScriptedProcess;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.host.Clock;
import dev.jcompose.host.CommandRunner;
import dev.jcompose.host.HostAccess;
import dev.jcompose.host.HostPaths;
import dev.jcompose.host.ProcessTable;
import dev.jcompose.image.testing.TestImage;
import dev.jcompose.loader.LoadOptions;
import dev.jcompose.loader.ProjectLoader;
import dev.jcompose.model.Project;
import dev.jcompose.nat.Chains;
import dev.jcompose.network.FakeNetworkLayer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A jcompose host without root for one test: a real {@link Stack} (planner, executor, supervision,
 * health, restarts, observer, volumes and its files in a temp dir) on the {@link InMemoryContainerRuntime},
 * the {@link FakeNetworkLayer} and {@link FakeImages}. No host program runs: the command runner fails
 * every call. {@link #close()} checks that the test left no container, network or endpoint behind.
 */
final class FakeStackFixture implements StackHost {
    final Path dir;
    final HostPaths paths;
    final InMemoryContainerRuntime runtime;
    final FakeNetworkLayer network = new FakeNetworkLayer();
    final FakeImages images;
    final HostAccess host;
    final List<StackEvent> events = Collections.synchronizedList(new ArrayList<>());
    final EngineContext engine = EngineContext.create();
    final Stack stack;
    final ComposeService compose;
    private final StackListener listener = events::add;

    /** Every container's process runs until a signal ends it, unless {@link #behaves} says otherwise. */
    FakeStackFixture() throws IOException {
        dir = Files.createTempDirectory("jcfake-");
        paths = new HostPaths(dir.resolve("data"), dir.resolve("run"));
        runtime = new InMemoryContainerRuntime(Clock.system(), dir.resolve("runtime"), ScriptedProcess.running());
        images = new FakeImages(dir.resolve("snapshots"));
        host = new HostAccess(noCommands(), Clock.system(), new TreeMap<>(), ProcessTable.system());
        stack = open(engine, network);
        compose = stack.service();
        stack.subscribe(listener);
    }

    private Stack open(EngineContext on, FakeNetworkLayer layer) {
        return Stack.open(
                new StackSettings(paths, "jcompose-fake", Chains.DEFAULT, List.of(), false),
                host,
                on,
                new StackKernel(runtime, layer),
                images);
    }

    /** The fake host has no programs: a stack that runs one is reaching past its seams. */
    private static CommandRunner noCommands() {
        return command -> {
            throw new AssertionError("the fake host runs no commands, asked for " + command);
        };
    }

    @Override
    public Stack stack() {
        return stack;
    }

    @Override
    public ComposeService compose() {
        return compose;
    }

    @Override
    public Path dir() {
        return dir;
    }

    @Override
    public HostPaths paths() {
        return paths;
    }

    @Override
    public StackListener listener() {
        return listener;
    }

    @Override
    public List<String> rendered() {
        synchronized (events) {
            return events.stream().map(StackEvent::render).toList();
        }
    }

    @Override
    public void clearEvents() {
        events.clear();
    }

    @Override
    public Project load(Path projectDir, String name, Map<String, String> env) {
        return ProjectLoader.standard(new ByteArrayInputStream(new byte[0]))
                .load(LoadOptions.in(projectDir).withProjectName(name).withProcessEnv(env))
                .project();
    }

    /** The fake host is the test's alone: project names need no tag. */
    @Override
    public String project(String name) {
        return name;
    }

    /** The same runtime and network state, a new engine (DNS not served until it opens). */
    @Override
    public Stack openAnother(EngineContext on) {
        return open(on, network.restarted());
    }

    @Override
    public void behaves(String containerName, ScriptedProcess process) {
        runtime.scriptNamed(containerName, process);
    }

    @Override
    public void image(String name, TestImage image) {
        images.define(name, image);
    }

    /** The id of the container named {@code name}. */
    String id(String name) {
        return stack.containers.require(name).id();
    }

    @Override
    public void close() throws IOException {
        try {
            stack.close();
        } finally {
            engine.close();
        }
        try {
            assertThat(runtime.list()).as("containers left").isEmpty();
            assertThat(network.networks().state().networks())
                    .as("networks left")
                    .isEmpty();
            assertThat(network.endpoints().state().endpoints())
                    .as("endpoints left")
                    .isEmpty();
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
            }
        }
    }
}
