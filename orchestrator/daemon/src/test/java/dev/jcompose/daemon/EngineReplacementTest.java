package dev.jcompose.daemon;

import static dev.jcompose.daemon.EngineServerTest.poll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.JcomposeException;
import dev.jcompose.engine.EngineContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher meets an engine of another build or protocol (served in this JVM, as an engine of
 * that build would answer): idle, it is stopped and a real engine of this build starts, with one
 * notice line; busy, the command fails at once and the old engine keeps serving.
 */
class EngineReplacementTest {
    private static final List<String> QUICK_JVM = List.of("-Xmx96m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final String OLD_BUILD = "0.0.9+20250101.000000.000";

    @TempDir
    Path runRoot;

    private final EngineContext engine = EngineContext.create(2);
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<EngineClient> clients = new ArrayList<>();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private EngineDirectory directory;
    private EngineLauncher launcher;
    private EngineServer old;
    private volatile boolean oldStopped;

    @BeforeEach
    void setUp() {
        directory = EngineDirectory.under(runRoot);
        launcher = new EngineLauncher(
                directory, EngineCommand.sameJvm(runRoot, QUICK_JVM, List.of()), Duration.ofSeconds(60), notices::add);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        clients.forEach(EngineClient::close);
        callers.shutdownNow();
        assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        if (!oldStopped) {
            old.close();
        }
        engine.close();
        ProcessHandle.current().children().forEach(ProcessHandle::destroy);
        try {
            poll(
                    () -> ProcessHandle.current().children().findAny().isEmpty(),
                    "every engine process to exit after SIGTERM");
        } finally {
            ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** An engine of {@code info}'s build and protocol; its shutdown closes it as EngineMain would. */
    private void serveOld(EngineInfo info) {
        MethodRegistry methods = BuiltinMethods.register(
                new MethodRegistry(),
                info,
                () -> callers.submit(() -> {
                    old.close();
                    oldStopped = true;
                }));
        new TestHandlers().register(methods, engine, dev.jcompose.host.HostAccess.of(java.util.Map.of()));
        old = new EngineServer(engine, directory, methods).start();
    }

    private EngineClient ensureRunning() {
        EngineClient client = launcher.ensureRunning();
        clients.add(client);
        return client;
    }

    private static long thisPid() {
        return ProcessHandle.current().pid();
    }

    @Test
    void anIdleEngineOfAnotherBuildIsStoppedAndOneOfThisBuildStarted() {
        serveOld(new EngineInfo(FrameCodec.PROTOCOL_VERSION, thisPid(), "0.0.9", OLD_BUILD, 0));

        EngineClient client = ensureRunning();

        assertThat(oldStopped).isTrue();
        assertThat(client.info().build()).isEqualTo(EngineInfo.current().build());
        assertThat(client.info().pid()).isNotEqualTo(thisPid());
        assertThat(ProcessHandle.current().children().map(ProcessHandle::pid))
                .contains(client.info().pid());
        assertThat(notices)
                .containsExactly("jcompose: stopped the idle engine of another build (pid " + thisPid() + ", build "
                        + OLD_BUILD + "); starting one of this build ("
                        + EngineInfo.current().build() + ")");
    }

    @Test
    void anIdleEngineSpeakingAnotherProtocolIsReplacedLikewise() {
        serveOld(new EngineInfo(
                FrameCodec.PROTOCOL_VERSION + 1,
                thisPid(),
                "9.9",
                EngineInfo.current().build(),
                0));

        EngineClient client = ensureRunning();

        assertThat(oldStopped).isTrue();
        assertThat(client.info().protocol()).isEqualTo(FrameCodec.PROTOCOL_VERSION);
        assertThat(client.info().pid()).isNotEqualTo(thisPid());
        assertThat(notices).hasSize(1);
    }

    @Test
    void aBusyEngineOfAnotherBuildFailsTheCommandAtOnceAndKeepsServing() throws IOException {
        serveOld(new EngineInfo(FrameCodec.PROTOCOL_VERSION, thisPid(), "0.0.9", OLD_BUILD, 0));
        EngineClient logsFollower = EngineClient.connect(directory);
        clients.add(logsFollower);
        CompletableFuture<JsonNode> following = CompletableFuture.supplyAsync(
                () -> logsFollower.call("sleep", FrameCodec.object(), event -> {}), callers);
        poll(
                () -> {
                    try (EngineClient probe = EngineClient.connect(directory)) {
                        return probe.info().busy() == 1;
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                "the old engine to serve the sleep call");

        assertThatThrownBy(launcher::ensureRunning).isInstanceOfSatisfying(JcomposeException.class, e -> {
            assertThat(e)
                    .hasMessage("the running jcompose engine (pid " + thisPid() + ") is build " + OLD_BUILD
                            + ", this jcompose is build " + EngineInfo.current().build()
                            + ", and it is busy with 1 command");
            assertThat(e.hint()).startsWith("run `jcompose engine stop` once its commands are done");
        });

        assertThat(oldStopped).isFalse();
        assertThat(following).isNotDone();
        assertThat(ProcessHandle.current().children().findAny())
                .as("no engine started")
                .isEmpty();
        assertThat(notices).isEmpty();
        logsFollower.cancel();
        assertThatThrownBy(following::join).hasCauseInstanceOf(JcomposeException.class);
    }
}
