package dev.jcompose.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.engine.EngineContext;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server and client in one JVM, over a real unix socket in a temp run root. */
class EngineServerTest {
    @TempDir
    Path runRoot;

    private EngineContext engine;
    private EngineDirectory directory;
    private EngineServer server;
    private final TestHandlers handlers = new TestHandlers();
    private final List<EngineClient> clients = new ArrayList<>();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeEach
    void start() {
        engine = EngineContext.create(2);
        directory = EngineDirectory.under(runRoot);
        MethodRegistry methods = BuiltinMethods.register(new MethodRegistry(), EngineInfo.current(), () -> {});
        handlers.register(methods, engine, dev.jcompose.host.HostAccess.of(java.util.Map.of()));
        server = new EngineServer(engine, directory, methods).start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        clients.forEach(EngineClient::close);
        callers.shutdownNow();
        assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        server.close();
        engine.close();
        assertThat(directory.socket()).doesNotExist();
    }

    private EngineClient client() throws IOException {
        EngineClient client = EngineClient.connect(directory);
        clients.add(client);
        return client;
    }

    @Test
    void helloReportsProtocolPidAndTheSocketIsPrivate() throws IOException {
        EngineInfo info = client().info();

        assertThat(info.protocol()).isEqualTo(FrameCodec.PROTOCOL_VERSION);
        assertThat(info.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.path())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.socket())))
                .isEqualTo("rw-------");
    }

    @Test
    void eventsArriveInOrderBeforeTheResult() throws IOException {
        ObjectNode params = FrameCodec.object();
        for (int i = 0; i < 500; i++) {
            params.withArray("events").add(FrameCodec.object().put("line", "log line " + i));
        }
        List<JsonNode> events = new ArrayList<>();

        JsonNode result = client().call("echo", params, events::add);

        assertThat(result).isEqualTo(params);
        assertThat(events).containsExactlyElementsOf(params.get("events"));
    }

    @Test
    void aJcomposeExceptionCrossesWithMessageHintAndExitCode() throws IOException {
        ObjectNode params = FrameCodec.object()
                .put("message", "pull access denied for nosuch")
                .put("hint", "check the image name")
                .put("exitCode", ExitCode.PULL);

        assertThatThrownBy(() -> client().call("fail", params, event -> {}))
                .isInstanceOfSatisfying(JcomposeException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("pull access denied for nosuch");
                    assertThat(e.hint()).isEqualTo("check the image name");
                    assertThat(e.exitCode()).isEqualTo(18);
                });
    }

    @Test
    void unknownMethodsAndMissingProjectsFailClearly() throws IOException {
        EngineClient client = client();

        assertThatThrownBy(() -> client.call("nosuch", FrameCodec.object(), event -> {}))
                .hasMessage(
                        "the engine has no method `nosuch` (it has echo, fail, flood, hello, hold, ping, shutdown, sleep)");
        assertThatThrownBy(() -> client.call("hold", FrameCodec.object(), event -> {}))
                .hasMessage("engine method `hold` needs params.project (a non-empty string)");
        // The connection survives failed calls.
        assertThat(client.call("ping", FrameCodec.object(), event -> {})).isEqualTo(FrameCodec.object());
    }

    @Test
    void cancelReachesTheHandlerAndTheCallEndsWith130() throws Exception {
        EngineClient client = client();
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        CompletableFuture<JsonNode> call =
                CompletableFuture.supplyAsync(() -> client.call("sleep", FrameCodec.object(), events::add), callers);
        poll(() -> !events.isEmpty(), "the sleep handler to start");

        client.cancel();

        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(JcomposeException.class)
                .hasMessage("`sleep` was canceled")
                .satisfies(e -> assertThat(((JcomposeException) e).exitCode()).isEqualTo(130));
        assertThat(handlers.log()).containsExactly("cancelled sleep");
    }

    @Test
    void aClientThatHangsUpCancelsItsCalls() throws Exception {
        EngineClient client = client();
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        CompletableFuture<JsonNode> call =
                CompletableFuture.supplyAsync(() -> client.call("sleep", FrameCodec.object(), events::add), callers);
        poll(() -> !events.isEmpty(), "the sleep handler to start");

        client.close();

        poll(() -> handlers.log().equals(List.of("cancelled sleep")), "the handler to see the hang-up");
        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
                .cause()
                .hasMessage("the jcompose engine exited during the command; see " + directory.log());
    }

    @Test
    void callsOnOneProjectQueueWhileOtherProjectsOverlap() throws Exception {
        List<JsonNode> waitingEvents = new CopyOnWriteArrayList<>();
        CompletableFuture<JsonNode> a = hold(client(), "p", "a", event -> {});
        poll(() -> handlers.log().contains("start a"), "a to start");
        CompletableFuture<JsonNode> b = hold(client(), "p", "b", waitingEvents::add);
        poll(() -> !waitingEvents.isEmpty(), "b to wait");
        CompletableFuture<JsonNode> c = hold(client(), "q", "c", event -> {});
        poll(() -> handlers.log().contains("start c"), "c to start");

        assertThat(handlers.log()).containsExactly("start a", "start c");
        assertThat(waitingEvents).containsExactly(ProjectQueue.waitingEvent("p"));
        assertThat(waitingEvents.getFirst().get("message").asText())
                .isEqualTo("waiting for another jcompose command on project p");

        handlers.release(engine, "a");
        poll(() -> handlers.log().contains("start b"), "b to start after a");
        assertThat(handlers.log()).containsExactly("start a", "start c", "end a", "start b");
        handlers.release(engine, "b");
        handlers.release(engine, "c");
        assertThat(a.get(10, TimeUnit.SECONDS).get("token").asText()).isEqualTo("a");
        assertThat(b.get(10, TimeUnit.SECONDS).get("token").asText()).isEqualTo("b");
        assertThat(c.get(10, TimeUnit.SECONDS).get("token").asText()).isEqualTo("c");
    }

    @Test
    void aQueuedCallCanBeCancelledBeforeItStarts() throws Exception {
        CompletableFuture<JsonNode> a = hold(client(), "p", "a", event -> {});
        poll(() -> handlers.log().contains("start a"), "a to start");
        EngineClient waiter = client();
        List<JsonNode> waitingEvents = new CopyOnWriteArrayList<>();
        CompletableFuture<JsonNode> b = hold(waiter, "p", "b", waitingEvents::add);
        poll(() -> !waitingEvents.isEmpty(), "b to wait");

        waiter.cancel();

        assertThatThrownBy(() -> b.get(10, TimeUnit.SECONDS)).cause().hasMessage("`hold` was canceled");
        handlers.release(engine, "a");
        a.get(10, TimeUnit.SECONDS);
        assertThat(handlers.log()).containsExactly("start a", "end a");
    }

    @Test
    void anUnsafeEngineDirectoryIsRefused(@TempDir Path other) throws IOException {
        EngineDirectory unsafe = EngineDirectory.under(other);
        Files.createDirectory(
                unsafe.path(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(unsafe.path(), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThatThrownBy(() -> new EngineServer(engine, unsafe, new MethodRegistry()).start())
                .isInstanceOf(JcomposeException.class)
                .hasMessage("unsafe engine directory " + unsafe.path()
                        + ": it has mode rwxr-xr-x, not rwx------ (or rwxr-x--- for a socket group)")
                .satisfies(e -> assertThat(((JcomposeException) e).hint())
                        .isEqualTo("it holds the engine's control" + " socket: remove it (rm -r " + unsafe.path()
                                + ") and jcompose recreates it owned by you with mode 0700"));
        assertThat(unsafe.socket()).doesNotExist();
    }

    @Test
    void aRunRootTooLongForASocketIsRefusedBeforeAnythingIsCreated(@TempDir Path other) {
        Path deep = other.resolve("d".repeat(120));
        EngineDirectory tooLong = EngineDirectory.under(deep);
        int length = tooLong.socket().toString().length();

        assertThatThrownBy(tooLong::secure)
                .hasMessage("the engine socket path " + tooLong.socket() + " is too long for a unix socket (" + length
                        + " bytes, at most 107)");
        assertThat(deep).doesNotExist();
    }

    @Test
    void aSymlinkedEngineDirectoryIsRefused(@TempDir Path other) throws IOException {
        Path target = Files.createDirectory(
                other.resolve("elsewhere"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        EngineDirectory linked = EngineDirectory.under(other);
        Files.createSymbolicLink(linked.path(), target);

        assertThatThrownBy(linked::secure)
                .hasMessage(
                        "unsafe engine directory " + linked.path() + ": it is not a directory (or is a symbolic link)");
    }

    @Test
    void aCallThatOutlivesItsTimeoutIsCancelledInTheEngine() throws IOException {
        EngineClient client = client();

        assertThatThrownBy(() -> client.call("sleep", FrameCodec.object(), event -> {}, Duration.ofMillis(300)))
                .hasMessage("the jcompose engine did not answer `sleep` in time");

        poll(() -> handlers.log().equals(List.of("cancelled sleep")), "the engine to cancel the abandoned call");
        // The late "canceled" answer to the abandoned call does not confuse the next one.
        assertThat(client.call("ping", FrameCodec.object(), event -> {})).isEqualTo(FrameCodec.object());
    }

    @Test
    void anEngineSpeakingAnotherProtocolStillAnswersHelloSoThatItCanBeStopped(@TempDir Path other) throws IOException {
        EngineDirectory elsewhere = EngineDirectory.under(other);
        MethodRegistry future = new MethodRegistry()
                .register(
                        "hello",
                        (params, events, cancellation) -> io.vertx.core.Future.succeededFuture(
                                new EngineInfo(99, 4242, "9.9", "9.9+1", 0).toJson()));
        try (EngineServer newer = new EngineServer(engine, elsewhere, future).start();
                EngineClient client = EngineClient.connect(elsewhere)) {
            assertThat(client.info()).isEqualTo(new EngineInfo(99, 4242, "9.9", "9.9+1", 0));
        }
    }

    @Test
    void helloCountsTheOtherCallsInFlightAndShutdownIfIdleRefusesWhileThereAreAny() throws Exception {
        EngineClient sleeper = client();
        CompletableFuture<JsonNode> sleeping =
                CompletableFuture.supplyAsync(() -> sleeper.call("sleep", FrameCodec.object(), event -> {}), callers);
        poll(
                () -> {
                    try (EngineClient probe = EngineClient.connect(directory)) {
                        return probe.info().busy() == 1;
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                "hello to report the sleep call");
        EngineClient other = client();
        assertThat(other.info().build()).isEqualTo(EngineInfo.current().build());
        assertThatThrownBy(() -> other.call("shutdown", FrameCodec.object().put("ifIdle", true), event -> {}))
                .hasMessage("the jcompose engine (pid "
                        + ProcessHandle.current().pid() + ") is busy with 1 command;" + " not stopping it");
        sleeper.cancel();
        assertThatThrownBy(sleeping::join).hasCauseInstanceOf(JcomposeException.class);
        poll(
                () -> {
                    try (EngineClient probe = EngineClient.connect(directory)) {
                        return probe.info().busy() == 0;
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                "hello to report no other call once the sleep was cancelled");
    }

    @Test
    void aMalformedLineIsAnsweredAndTheConnectionDropped() throws IOException {
        try (SocketChannel raw = SocketChannel.open(UnixDomainSocketAddress.of(directory.socket()))) {
            raw.write(ByteBuffer.wrap("{\"id\":1,\"method\":7}\n".getBytes(StandardCharsets.UTF_8)));

            assertThat(readAll(raw))
                    .isEqualTo(
                            "{\"id\":-1,\"error\":{\"message\":\"malformed engine protocol line:"
                                    + " \\\"method\\\" is not a non-empty string: {\\\"id\\\":1,\\\"method\\\":7}\",\"hint\":\"the CLI and"
                                    + " the engine disagree on the protocol; stop the engine and run the command again\",\"exitCode\":1}}\n");
        }
    }

    @Test
    void anEndlessLineIsCutOff() throws IOException {
        try (SocketChannel raw = SocketChannel.open(UnixDomainSocketAddress.of(directory.socket()))) {
            ByteBuffer chunk = ByteBuffer.allocate(1024 * 1024);
            java.util.Arrays.fill(chunk.array(), (byte) 'x');
            try {
                for (int i = 0; i < 8; i++) {
                    raw.write(chunk.clear());
                }
            } catch (IOException e) {
                // The engine may close while we are still writing: that is the point.
            }
            assertThat(readAll(raw)).isEmpty();
        }
        assertThat(client().call("ping", FrameCodec.object(), event -> {})).isEqualTo(FrameCodec.object());
    }

    @Test
    void aStreamingHandlerWaitsForASlowClient() throws IOException {
        try (SocketChannel raw = SocketChannel.open(UnixDomainSocketAddress.of(directory.socket()))) {
            raw.write(ByteBuffer.wrap("{\"id\":1,\"method\":\"flood\"}\n".getBytes(StandardCharsets.UTF_8)));
            poll(() -> handlers.log().contains("paused after filling the socket"), "the handler to see a full socket");
            assertThat(handlers.log()).doesNotContain("resumed");

            String lastLine = readUntilResult(raw);

            assertThat(handlers.log()).containsExactly("paused after filling the socket", "resumed");
            assertThat(lastLine).startsWith("{\"id\":1,\"result\":{\"emitted\":");
        }
    }

    private static String readUntilResult(SocketChannel raw) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        StringBuilder pending = new StringBuilder();
        while (raw.read(buffer.clear()) >= 0) {
            pending.append(StandardCharsets.UTF_8.decode(buffer.flip()));
            int end;
            while ((end = pending.indexOf("\n")) >= 0) {
                String line = pending.substring(0, end);
                pending.delete(0, end + 1);
                if (line.contains("\"result\"")) {
                    return line;
                }
            }
        }
        throw new AssertionError("the engine closed the connection before the result");
    }

    private static String readAll(SocketChannel raw) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        try {
            while (raw.read(buffer.clear()) >= 0) {
                all.write(buffer.array(), 0, buffer.position());
            }
        } catch (IOException e) {
            // connection reset after the engine dropped us
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    private CompletableFuture<JsonNode> hold(
            EngineClient client, String project, String token, java.util.function.Consumer<JsonNode> events) {
        ObjectNode params = FrameCodec.object().put("project", project).put("token", token);
        return CompletableFuture.supplyAsync(() -> client.call("hold", params, events), callers);
    }

    static void poll(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
