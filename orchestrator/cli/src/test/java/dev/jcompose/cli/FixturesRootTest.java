package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.bridge.LinkNames;
import dev.jcompose.fixtures.ComposeFixture;
import dev.jcompose.fixtures.ComposeStack;
import dev.jcompose.fixtures.ExecResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Java fixture on the real engine (in a sandbox of its own): what it reports is what the CLI
 * reports, parallel copies of one file stay apart, and a test JVM killed while it holds a stack
 * leaves nothing behind once the lease's grace has passed, also across an engine restart.
 */
@Tag("root")
class FixturesRootTest {
    static final Path QUICKSTART = Path.of("../../compose-samples/quickstart/compose.yaml")
            .toAbsolutePath()
            .normalize();
    static final Duration GRACE = Duration.ofSeconds(2);

    @Test
    void theFixtureReportsWhatTheCliSaysAndTwoCopiesOfOneFileStayApart() throws Exception {
        List<String> projects = new ArrayList<>();
        EngineSandbox.isolated(box -> {
            try (ComposeStack a = fixture(box, "fxa" + box.tag).start();
                    ComposeStack b = fixture(box, "fxb" + box.tag).start()) {
                projects.add(box.track(a.projectName()));
                projects.add(box.track(b.projectName()));
                checkEndpoint(box, a);
                checkEndpoint(box, b);
                assertThat(a.endpoint("front", 8080)).isNotEqualTo(b.endpoint("front", 8080));
                checkUnpublishedAddress(a);
                checkDnsStaysInItsProject(a, b);
                checkExecAndLogs(a);
            }
            for (String project : projects) {
                assertGone(box, project);
            }
        });
    }

    private static ComposeFixture fixture(EngineSandbox box, String prefix) {
        return ComposeFixture.of(QUICKSTART)
                .projectPrefix(prefix)
                .ephemeralHostPorts()
                .processEnvironment(box.variables());
    }

    /** endpoint() is what `jcompose port` prints, and the stack answers there through front, api and store. */
    private static void checkEndpoint(EngineSandbox box, ComposeStack stack) throws Exception {
        InetSocketAddress front = stack.endpoint("front", 8080);
        String printed = box.cli("-p", stack.projectName(), "port", "front", "8080")
                .assertOk("port")
                .out()
                .strip();
        assertThat(front.getAddress().getHostAddress() + ":" + front.getPort()).isEqualTo(printed);
        HttpResponse<String> hello = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://" + printed + "/cgi-bin/hello"))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.body())
                .startsWith("Hello from front (via api at ")
                .contains("counted by the store at " + stack.ip("store").getHostAddress());
    }

    /** The store publishes nothing: its container address answers from the host all the same. */
    private static void checkUnpublishedAddress(ComposeStack stack) throws IOException {
        assertThat(stack.project().services().get("store").ports()).isEmpty();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(stack.ip("store"), 6379), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.").contains("store ok");
        }
    }

    /** Each project's api resolves `store` to its own project's store, never the other's. */
    private static void checkDnsStaysInItsProject(ComposeStack a, ComposeStack b) {
        String storeA = a.ip("store").getHostAddress();
        String storeB = b.ip("store").getHostAddress();
        ExecResult fromA = a.exec("api", "nslookup", "store");
        ExecResult fromB = b.exec("api", "nslookup", "store");
        assertThat(fromA.exitCode()).as(fromA.stderr()).isZero();
        assertThat(fromA.stdout()).contains("Address: " + storeA);
        assertThat(fromB.stdout()).contains("Address: " + storeB);
        if (!storeA.equals(storeB)) {
            assertThat(fromA.stdout()).doesNotContain("Address: " + storeB + "\n");
        }
    }

    private static void checkExecAndLogs(ComposeStack stack) {
        ExecResult r = stack.exec("store", "sh", "-c", "echo hi; echo err >&2; exit 3");
        assertThat(r).isEqualTo(new ExecResult(3, "hi\n", "err\n"));
        // what the container's first process writes is its log: an exec can write there too
        assertThat(stack.exec("store", "sh", "-c", "echo marker-$HOSTNAME > /proc/1/fd/1")
                        .exitCode())
                .isZero();
        assertThat(stack.logs("store")).contains("marker-");
        assertThat(stack.logs("front")).doesNotContain("marker-");
    }

    @Test
    void aReusedStackKeepsItsContainersAcrossStartsAndAChangedEnvIsANewProject() throws Exception {
        List<String> projects = new ArrayList<>();
        EngineSandbox.isolated(box -> {
            String first;
            List<EngineSandbox.Container> containers;
            try (ComposeStack stack = fixture(box, "fxr" + box.tag).reuse(true).start()) {
                first = box.track(stack.projectName());
                projects.add(first);
                containers = box.ps(first);
                assertThat(containers).hasSize(3);
            }
            assertThat(box.ps(first)).as("close() keeps a reused stack").isEqualTo(containers);
            assertThat(box.dir.resolve("data/leases/" + first + ".json")).doesNotExist();
            try (ComposeStack again = fixture(box, "fxr" + box.tag).reuse(true).start()) {
                assertThat(again.projectName()).isEqualTo(first);
                assertThat(box.ps(first))
                        .as("the same containers, not recreated")
                        .isEqualTo(containers);
            }
            try (ComposeStack changed = fixture(box, "fxr" + box.tag)
                    .reuse(true)
                    .env("STORE_NOTE", "changed")
                    .start()) {
                projects.add(box.track(changed.projectName()));
                assertThat(changed.projectName()).isNotEqualTo(first);
            }
            for (String project : projects) {
                box.cli("-p", project, "down", "-v").assertOk("down " + project);
                assertGone(box, project);
            }
        });
    }

    @Test
    void aKilledTestJvmsStackIsTakenDownWithinTheGracePeriod() throws Exception {
        killedHolder(false);
    }

    @Test
    void aKilledTestJvmsStackIsTakenDownByAnEngineStartedAfterItDied() throws Exception {
        killedHolder(true);
    }

    private static void killedHolder(boolean restartEngine) throws Exception {
        EngineSandbox.isolated(box -> {
            Process holder = holder(box, "fxk" + box.tag);
            try {
                String project = box.track(awaitProject(holder));
                assertThat(box.ps(project)).hasSize(3).allMatch(c -> c.state().equals("running"));
                assertThat(Files.exists(box.dir.resolve("data/leases/" + project + ".json")))
                        .isTrue();
                if (restartEngine) {
                    box.cli("engine", "stop").assertOk("engine stop");
                }
                EngineSandbox.sigkill(holder.pid());
                long killed = System.nanoTime();
                if (restartEngine) {
                    box.cli("-p", project, "ps").assertOk("ps starts a new engine");
                }
                Path lease = box.dir.resolve("data/leases/" + project + ".json");
                // the lease ends once the engine's down has finished, networks and volumes included
                assertThat(EngineSandbox.await(Duration.ofSeconds(60), () -> !Files.exists(lease)))
                        .as("the engine took " + project + " down after its owner died")
                        .isTrue();
                Duration took = Duration.ofNanos(System.nanoTime() - killed);
                assertThat(took)
                        .as("reaped within grace + a check period + the down itself")
                        .isLessThan(GRACE.plusSeconds(20));
                try {
                    assertGone(box, project);
                } catch (AssertionError e) {
                    Path log = box.dir.resolve("run/engine/engine.log");
                    throw new AssertionError(
                            e.getMessage() + "\nengine log:\n" + (Files.exists(log) ? Files.readString(log) : "(none)"),
                            e);
                }
            } finally {
                holder.destroyForcibly();
            }
        });
    }

    private static Process holder(EngineSandbox box, String prefix) throws IOException {
        List<String> argv = List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                System.getProperty("java.class.path"),
                FixtureHolder.class.getName(),
                QUICKSTART.toString(),
                prefix,
                Long.toString(GRACE.toMillis()));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(box.variables());
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String awaitProject(Process holder) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("project ")) {
                return line.substring("project ".length()).strip();
            }
        }
        throw new AssertionError("the holder JVM ended its output without starting its stack (see its stderr above)");
    }

    /** No container, bridge, volume, lease or DNAT rule of the project is left. */
    static void assertGone(EngineSandbox box, String project) throws IOException {
        assertThat(box.ps(project)).isEmpty();
        assertThat(EngineSandbox.linkExists(LinkNames.bridge(project + "_default")))
                .isFalse();
        Path volumes = box.dir.resolve("data/volumes");
        if (Files.isDirectory(volumes)) {
            try (var entries = Files.list(volumes)) {
                assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(project));
            }
        }
        assertThat(box.dir.resolve("data/leases/" + project + ".json")).doesNotExist();
        assertThat(EngineSandbox.iptablesSave()).doesNotContain(project);
    }
}
