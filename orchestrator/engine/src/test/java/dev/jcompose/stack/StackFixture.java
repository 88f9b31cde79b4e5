package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.ComposeService;
import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackListener;
import dev.jcompose.bridge.LinkNames;
import dev.jcompose.cgroup.CgroupLayout;
import dev.jcompose.container.ScriptedProcess;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.host.HostAccess;
import dev.jcompose.host.HostPaths;
import dev.jcompose.host.HostSnapshot;
import dev.jcompose.image.ImageLoader;
import dev.jcompose.image.ImageStore;
import dev.jcompose.image.Platform;
import dev.jcompose.image.testing.ImageArchives;
import dev.jcompose.image.testing.TestImages;
import dev.jcompose.loader.LoadOptions;
import dev.jcompose.loader.ProjectLoader;
import dev.jcompose.model.Project;
import dev.jcompose.nat.Chains;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A private jcompose host for one root test: temp data/run roots, its own cgroup parent and
 * iptables chain prefix, {@code busybox:1.36} loaded from busybox-static, and a stack over them.
 * {@link #close()} closes the stack, deletes everything and checks that nothing leaked.
 */
final class StackFixture implements StackHost {
    final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    final Path dir = Path.of("/tmp/jcst-" + tag);
    final String cgroupParent = "jcompose-test-" + tag;
    final Chains chains = new Chains("JS" + tag.toUpperCase(Locale.ROOT));
    final HostPaths paths = new HostPaths(dir.resolve("data"), dir.resolve("run"));
    final List<StackEvent> events = Collections.synchronizedList(new ArrayList<>());
    final EngineContext engine = EngineContext.create();
    final Stack stack;
    final ComposeService compose;
    private final HostSnapshot before;
    private final List<String> networkNames = new ArrayList<>();

    StackFixture() throws IOException {
        this(false);
    }

    /** @param pull whether the stack may pull from registries (tests point it at a registry on 127.0.0.1 only) */
    StackFixture(boolean pull) throws IOException {
        before = snapshot();
        Files.createDirectories(dir);
        loadImage("busybox:1.36", TestImages.busybox().build());
        stack = Stack.open(
                new StackSettings(paths, cgroupParent, chains, List.of(), pull),
                HostAccess.of(System.getenv()),
                engine);
        compose = stack.service();
        stack.subscribe(listener);
    }

    private final StackListener listener = events::add;

    @Override
    public void image(String name, dev.jcompose.image.testing.TestImage image) {
        loadImage(name, image);
    }

    void loadImage(String name, dev.jcompose.image.testing.TestImage image) {
        Path layout = dir.resolve("layout-" + UUID.randomUUID());
        ImageArchives.ociLayout(layout, name, image);
        new ImageLoader(ImageStore.under(paths)).load(layout, Platform.parse("linux/amd64"));
    }

    /** One listener instance: subscribed for background events, and passed to commands (no duplicates). */
    @Override
    public StackListener listener() {
        return listener;
    }

    /** Loads a project from a directory, named {@code name-<tag>} so parallel runs never share names. */
    @Override
    public Project load(Path projectDir, String name, Map<String, String> env) {
        networkNames.add(name + "-" + tag + "_default");
        return ProjectLoader.standard(new ByteArrayInputStream(new byte[0]))
                .load(LoadOptions.in(projectDir)
                        .withProjectName(name + "-" + tag)
                        .withProcessEnv(env))
                .project();
    }

    @Override
    public String project(String name) {
        return name + "-" + tag;
    }

    @Override
    public List<String> rendered() {
        synchronized (events) {
            return events.stream().map(StackEvent::render).toList();
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        StackHost.await(what, timeout, condition);
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
    public void clearEvents() {
        events.clear();
    }

    @Override
    public Stack openAnother(EngineContext engine) {
        return Stack.open(
                new StackSettings(paths, cgroupParent, chains, List.of(), false),
                HostAccess.of(System.getenv()),
                engine);
    }

    /** The real host runs the compose file's command. */
    @Override
    public void behaves(String containerName, ScriptedProcess process) {}

    /** What a failed test left running: containers, then networks (a passing test leaves nothing). */
    private void removeLeftovers() {
        for (var r : stack.runtime.list()) {
            stack.containers.remove(r.id(), true);
        }
        for (String n : stack.network.networks().state().networks().keySet()) {
            stack.dns.stop(n);
            stack.network.networks().remove(n);
        }
    }

    HostSnapshot snapshot() {
        List<String> needles = new ArrayList<>(List.of(dir.toString(), cgroupParent, chains.prefix(), tag));
        networkNames.forEach(n -> needles.add(LinkNames.bridge(n)));
        return HostSnapshot.take(dir).scopedTo(needles.toArray(String[]::new));
    }

    @Override
    public void close() throws IOException {
        List<Throwable> problems = new ArrayList<>();
        try {
            stack.close(); // first: its exit poll must not race the removals below
        } catch (RuntimeException e) {
            problems.add(e);
        } finally {
            engine.close();
        }
        try {
            removeLeftovers();
        } catch (RuntimeException e) {
            problems.add(e);
        }
        try {
            CgroupLayout.detect().remove("/" + cgroupParent);
        } catch (RuntimeException e) {
            problems.add(e);
        }
        boolean mounted = Files.readString(Path.of("/proc/self/mountinfo")).contains(dir.toString());
        if (!mounted && Files.exists(dir)) {
            // never walk into a leaked container's rootfs: deleting there would write whiteouts, not clean up
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
            }
        }
        if (!problems.isEmpty()) {
            AssertionError e =
                    new AssertionError("cleanup failed: " + problems.getFirst().getMessage());
            problems.forEach(e::addSuppressed);
            throw e;
        }
        snapshot().assertSameAs(before);
        assertThat(Files.exists(dir)).isFalse();
    }
}
