package dev.jcompose.daemon;

import static dev.jcompose.daemon.EngineServerTest.poll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real engine processes ({@code java EngineMain}) started by the launcher, in a temp run root. */
class EngineProcessTest {
    private static final List<String> QUICK_JVM = List.of("-Xmx96m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @TempDir
    Path runRoot;

    private EngineDirectory directory;
    private EngineLauncher launcher;
    private final List<EngineClient> clients = new ArrayList<>();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeEach
    void setUp() {
        assertThat(children()).as("processes left by an earlier test").isEmpty();
        directory = EngineDirectory.under(runRoot);
        launcher = new EngineLauncher(
                directory, EngineCommand.sameJvm(runRoot, QUICK_JVM, List.of()), Duration.ofSeconds(60));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        clients.forEach(EngineClient::close);
        callers.shutdownNow();
        assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        // Ask every engine still running to go with SIGTERM (the clean path), then insist nothing is left.
        ProcessHandle.current().children().forEach(ProcessHandle::destroy);
        try {
            poll(() -> children().isEmpty(), "every engine process to exit after SIGTERM");
        } finally {
            ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
        }
    }

    private EngineClient ensureRunning() {
        EngineClient client = launcher.ensureRunning();
        clients.add(client);
        return client;
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    @Test
    void ensureRunningTwiceStartsOneEngine() throws Exception {
        long first = ensureRunning().info().pid();
        long second = ensureRunning().info().pid();

        assertThat(second).isEqualTo(first);
        assertThat(children()).containsExactly(first);
        assertThat(first).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(Files.readString(directory.pidFile()).trim()).isEqualTo(Long.toString(first));
        assertThat(Files.readString(directory.log()))
                .contains("jcompose engine " + first + " (build "
                        + EngineInfo.current().build() + ") serving " + directory.socket());
    }

    @Test
    void theEngineLeavesTheCallersSession() throws Exception {
        long pid = ensureRunning().info().pid();

        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[3] is the session id: setsid made the engine its own session leader.
        assertThat(Long.parseLong(fields[3])).isEqualTo(pid);
    }

    @Test
    void aSigkilledEngineIsReplacedDespiteItsStaleSocket() throws Exception {
        long first = ensureRunning().info().pid();
        ProcessHandle engine = ProcessHandle.of(first).orElseThrow();

        engine.destroyForcibly();
        engine.onExit().get(20, TimeUnit.SECONDS);
        assertThat(directory.socket()).exists();

        long second = ensureRunning().info().pid();
        assertThat(second).isNotEqualTo(first);
        assertThat(children()).containsExactly(second);
    }

    @Test
    void anEngineDyingMidCallIsReportedWithItsLog() throws Exception {
        EngineClient client = ensureRunning();
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        CompletableFuture<JsonNode> call =
                CompletableFuture.supplyAsync(() -> client.call("sleep", FrameCodec.object(), events::add), callers);
        poll(() -> !events.isEmpty(), "the sleep call to start");

        ProcessHandle.of(client.info().pid()).orElseThrow().destroyForcibly();

        assertThatThrownBy(() -> call.get(20, TimeUnit.SECONDS))
                .cause()
                .hasMessage("the jcompose engine exited during the command; see " + directory.log());
    }

    @Test
    void concurrentLaunchersEndUpOnOneEngine() throws Exception {
        List<CompletableFuture<EngineClient>> launches = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            launches.add(CompletableFuture.supplyAsync(this::ensureRunningSynchronised, callers));
        }
        Set<Long> pids = launches.stream()
                .map(CompletableFuture::join)
                .map(client -> client.info().pid())
                .collect(Collectors.toSet());

        assertThat(pids).hasSize(1);
        // The launchers that lost the race saw their engine exit at once; only the winner remains.
        poll(() -> children().equals(pids), "the losing engines to exit");
        assertThat(Files.readAllLines(directory.log()).stream().filter(line -> line.contains(" serving ")))
                .as("engines that served")
                .hasSize(1);
    }

    private EngineClient ensureRunningSynchronised() {
        EngineClient client = launcher.ensureRunning();
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    @Test
    void shutdownRemovesTheSocketAndPidFile() throws Exception {
        EngineClient client = ensureRunning();
        ProcessHandle engine = ProcessHandle.of(client.info().pid()).orElseThrow();

        assertThat(client.call("shutdown", FrameCodec.object(), event -> {})).isEqualTo(FrameCodec.object());

        engine.onExit().get(20, TimeUnit.SECONDS);
        assertThat(directory.socket()).doesNotExist();
        assertThat(directory.pidFile()).doesNotExist();
        assertThat(Files.readString(directory.log())).contains("jcompose engine " + engine.pid() + ": stopped");
    }

    @Test
    void sigtermStopsTheEngineCleanly() throws Exception {
        ProcessHandle engine = ProcessHandle.of(ensureRunning().info().pid()).orElseThrow();

        engine.destroy();

        engine.onExit().get(20, TimeUnit.SECONDS);
        assertThat(directory.socket()).doesNotExist();
        assertThat(directory.pidFile()).doesNotExist();
    }

    @Test
    void withIdleShutdownTheEngineStopsOnceTheLastClientLeaves() throws Exception {
        EngineLauncher idle = new EngineLauncher(
                directory,
                EngineCommand.sameJvm(runRoot, QUICK_JVM, List.of("--idle-timeout", "2s")),
                Duration.ofSeconds(60));
        EngineClient client = idle.ensureRunning();
        ProcessHandle engine = ProcessHandle.of(client.info().pid()).orElseThrow();
        assertThat(client.call("ping", FrameCodec.object(), event -> {}, Duration.ofSeconds(10)))
                .isEqualTo(FrameCodec.object());
        assertThat(engine.isAlive()).isTrue();

        client.close();

        engine.onExit().get(20, TimeUnit.SECONDS);
        assertThat(directory.socket()).doesNotExist();
        assertThat(Files.readString(directory.log())).contains("jcompose engine: idle for 2s, stopping");
    }

    @Test
    void testHandlersAreLoadedFromTheServiceRegistry() {
        EngineClient client = ensureRunning();

        JsonNode params = FrameCodec.object().put("x", 1);
        assertThat(client.call("echo", params, event -> {})).isEqualTo(params);
    }

    @Test
    void aNewEngineStartsOnAFreshLogWhenTheOldOneIsOverTheLimit() throws Exception {
        directory.secure();
        byte[] chunk = new byte[1024 * 1024];
        java.util.Arrays.fill(chunk, (byte) '.');
        try (var out = Files.newOutputStream(directory.log())) {
            for (long written = 0; written <= EngineLog.MAX_BYTES; written += chunk.length) {
                out.write(chunk);
            }
        }
        long oldSize = Files.size(directory.log());

        long pid = ensureRunning().info().pid();

        assertThat(EngineLog.previous(directory.log())).hasSize(oldSize);
        poll(
                () -> {
                    try {
                        return Files.readString(directory.log()).startsWith("jcompose engine " + pid + " (build ");
                    } catch (java.io.IOException e) {
                        return false;
                    }
                },
                "the new engine's first line in a fresh engine.log");
    }
}
