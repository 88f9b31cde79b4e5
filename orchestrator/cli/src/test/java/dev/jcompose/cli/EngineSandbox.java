package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.bridge.LinkNames;
import dev.jcompose.cgroup.CgroupLayout;
import dev.jcompose.host.HostSnapshot;
import dev.jcompose.image.testing.TestImages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * One isolated jcompose installation for a root test driving the real CLI and engine: private run
 * and data roots, cgroup parent and iptables chain prefix, an imported busybox image; and the
 * probes the engine-robustness tests need (engine pid, SIGKILL, container files, netns, veths).
 */
final class EngineSandbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    final String tag;
    final Path dir;
    final String cgroupParent;
    final String chainPrefix;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> projects = new java.util.concurrent.CopyOnWriteArrayList<>();

    record Run(int exit, String out, String err) {
        Run assertOk(String what) {
            assertThat(exit)
                    .as(what + " failed with exit " + exit + ":\n" + err + out)
                    .isZero();
            return this;
        }
    }

    /** A container as {@code ps -a --format json} shows it. */
    record Container(String name, String id, String state) {}

    /** Test bodies run by {@link #runThenClose}. */
    interface Body {
        void run() throws Exception;
    }

    /** A test body that runs in a sandbox. */
    interface SandboxBody {
        void run(EngineSandbox box) throws Exception;
    }

    /**
     * Runs {@code body} in a fresh sandbox with busybox:1.36 imported, cleans up, and checks that the
     * host is as it was (skipped where busybox-static is missing).
     */
    static void isolated(SandboxBody body) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        EngineSandbox box = new EngineSandbox(newTag());
        HostSnapshot before = box.snapshot();
        box.runThenClose(() -> {
            box.importBusybox();
            body.run(box);
        });
        before.assertSameAs(box.snapshot());
    }

    /** A fresh random tag: names everything of one sandbox (use it in project names too). */
    static String newTag() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** @param projects every project name the test uses: their bridges are part of the leak check */
    EngineSandbox(String tag, String... projects) {
        this.tag = tag;
        this.dir = Path.of("/tmp/jkm-" + tag);
        this.cgroupParent = "jcompose-test-" + tag;
        this.chainPrefix = "JC" + tag.toUpperCase(Locale.ROOT);
        this.projects.addAll(List.of(projects));
        env.putAll(Map.of(
                "JCOMPOSE_DATA_ROOT",
                dir.resolve("data").toString(),
                "JCOMPOSE_RUN_ROOT",
                dir.resolve("run").toString(),
                "JCOMPOSE_CGROUP_PARENT",
                cgroupParent,
                "JCOMPOSE_CHAIN_PREFIX",
                chainPrefix,
                "HOME",
                dir.toString()));
    }

    /**
     * A project the test made under a name known only once it ran (a fixture's): {@link #close()}
     * takes it down too, and the leak check looks for its bridge.
     */
    String track(String project) {
        projects.add(project);
        return project;
    }

    HostSnapshot snapshot() {
        List<String> needles = new ArrayList<>(List.of(dir.toString(), cgroupParent, chainPrefix, tag));
        projects.forEach(p -> needles.add(LinkNames.bridge(p + "_default")));
        return HostSnapshot.take(dir).scopedTo(needles.toArray(String[]::new));
    }

    void env(String name, String value) {
        env.put(name, value);
    }

    Path app() {
        return dir.resolve("app");
    }

    /** Creates the sandbox's directories (after the "before" snapshot) and imports busybox:1.36. */
    void importBusybox() throws IOException {
        Files.createDirectories(app());
        Files.write(dir.resolve("rootfs.tar"), TestImages.busybox().build().layerTar());
        cli(
                        "image",
                        "import",
                        "--change",
                        "CMD [\"sh\"]",
                        dir.resolve("rootfs.tar").toString(),
                        "busybox:1.36")
                .assertOk("image import");
    }

    Run cli(String... args) {
        return cli(new StringWriter(), args);
    }

    /** Runs the CLI with its standard error going to {@code errSink} too (a hook can watch progress). */
    Run cli(Writer errSink, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Writer tee = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                err.write(cbuf, off, len);
                errSink.write(cbuf, off, len);
            }

            @Override
            public void flush() throws IOException {
                errSink.flush();
            }

            @Override
            public void close() {}
        };
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(tee, true), environment());
        return new Run(exit, out.toString(), err.toString());
    }

    /** What a CLI run in this sandbox sees: its environment, the app directory, no standard input. */
    Main.Environment environment() {
        return environment(new byte[0]);
    }

    /** The same with {@code stdin} as the CLI's standard input (exec and run forward it). */
    Main.Environment environment(byte[] stdin) {
        return new Main.Environment(Map.copyOf(env), app(), new ByteArrayInputStream(stdin));
    }

    /** The sandbox's environment variables, for a CLI started as a process of its own. */
    Map<String, String> variables() {
        return Map.copyOf(env);
    }

    /** Starts the engine (a project query does) and returns its pid. */
    long startEngine(String project) {
        cli("-p", project, "ps").assertOk("ps");
        return enginePid();
    }

    /** The engine's pid as {@code engine status} reports it (the pid from the hello handshake). */
    long enginePid() {
        Run status = cli("engine", "status").assertOk("engine status");
        assertThat(status.out()).startsWith("engine pid ");
        String rest = status.out().substring("engine pid ".length());
        return Long.parseLong(rest.substring(0, rest.indexOf(',')));
    }

    /** SIGKILL, as the OOM killer or {@code kill -9} would; returns once the process is gone. */
    static void sigkill(long pid) {
        ProcessHandle engine = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no engine process " + pid));
        assertThat(engine.destroyForcibly()).as("SIGKILL sent to engine " + pid).isTrue();
        engine.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    List<Container> ps(String project) {
        Run ps =
                cli("-p", project, "ps", "-a", "--no-trunc", "--format", "json").assertOk("ps " + project);
        return ps.out()
                .lines()
                .filter(l -> !l.isBlank())
                .map(EngineSandbox::container)
                .sorted(java.util.Comparator.comparing(Container::name))
                .toList();
    }

    /** The container's Health as {@code ps --format json} shows it ("" when it has no healthcheck). */
    String health(String project, String container) {
        Run ps =
                cli("-p", project, "ps", "-a", "--no-trunc", "--format", "json").assertOk("ps " + project);
        return ps.out()
                .lines()
                .filter(l -> !l.isBlank())
                .map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .filter(n -> n.path("Name").asText().equals(container))
                .map(n -> n.path("Health").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container " + container + " in " + ps.out()));
    }

    private static Container container(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            return new Container(
                    n.path("Name").asText(),
                    n.path("ID").asText(),
                    n.path("State").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pid a container's file names (container.pid or conmon.pid), if the file exists. */
    Optional<Long> pidFile(String containerId, String file) throws IOException {
        Path p = dir.resolve("run/containers").resolve(containerId).resolve(file);
        return Files.exists(p) ? Optional.of(Long.parseLong(Files.readString(p).strip())) : Optional.empty();
    }

    /** Entries of a directory under the sandbox, sorted; none when it does not exist. */
    List<String> entries(String relative) throws IOException {
        Path d = dir.resolve(relative);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Host-side links enslaved to the project's default bridge (one veth per attached container). */
    static List<String> vethsOn(String project) {
        String bridge = LinkNames.bridge(project + "_default");
        try {
            Process p = new ProcessBuilder("ip", "-o", "link", "show", "master", bridge)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return List.of();
            }
            return out.lines()
                    .map(l -> l.split(":")[1].strip().split("@")[0])
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether a network link of that name exists on the host. */
    static boolean linkExists(String name) {
        return host("ip", "link", "show", name).exit() == 0;
    }

    /** The host's iptables rules, all tables. */
    static String iptablesSave() {
        return host("iptables-save").out();
    }

    /** Runs a host program to its end (30 s at most). */
    static Run host(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", argv) + " did not finish in 30 s");
            }
            return new Run(p.exitValue(), out, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Polls {@code condition} until it holds or {@code within} passes. */
    static boolean await(Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
        return condition.getAsBoolean();
    }

    /**
     * Runs the test body, then {@link #close()}; a failure of the body stays the reported one (a
     * failing clean-up is attached to it), so a leak left by a failure does not hide the failure.
     */
    void runThenClose(Body body) throws Exception {
        try {
            body.run();
        } catch (Exception | Error failure) {
            try {
                close();
            } catch (Exception | Error cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        close();
    }

    /** Takes every project down with its one-offs (what a failed assertion left), stops the engine, removes the roots. */
    void close() throws IOException {
        for (String project : projects) {
            cli("-p", project, "--progress", "quiet", "down", "-v", "-t", "0", "--remove-orphans");
        }
        Path pidFile = dir.resolve("run/engine/engine.pid");
        Optional<ProcessHandle> engine = Files.exists(pidFile)
                ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                : Optional.empty();
        cli("engine", "stop");
        engine.ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        CgroupLayout.detect().remove("/" + cgroupParent);
        CliEndToEndRootTest.deleteTree(dir);
    }
}
