package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.ExecOutcome;
import dev.jcompose.api.UpOptions;
import dev.jcompose.image.testing.TestImages;
import dev.jcompose.model.Project;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The quickstart sample, end to end on this host: up, DNS, health ordering, idempotence, recreation, down. */
@Tag("root")
class QuickstartRootTest {
    /** sh and httpd as pid 1 ignore SIGTERM, as under docker: a short grace keeps the test quick. */
    static final UpOptions FAST_UP =
            new UpOptions(List.of(), false, false, false, false, null, null, false, false, null, Duration.ofSeconds(2));

    private static final Path SAMPLE =
            Path.of("../../compose-samples/quickstart").toAbsolutePath().normalize();

    @Test
    void quickstartUpServesDnsConvergesAndDownLeavesNothing() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        try (StackFixture fx = new StackFixture()) {
            Path copy = copySample(fx.dir.resolve("quickstart"));
            int port = freePort();
            Map<String, String> env = Map.of("FRONT_PORT", Integer.toString(port));
            Project project = fx.load(copy, "qs", env);
            String p = fx.project("qs");

            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            List<String> first = fx.rendered();
            assertThat(first)
                    .contains(
                            "Network " + p + "_default Created",
                            "Volume " + p + "_store-data Created",
                            "Container " + p + "-front-1 Started");
            assertThat(first.indexOf("Container " + p + "-store-1 Healthy"))
                    .as(String.join("\n", first))
                    .isNotNegative()
                    .isLessThan(first.indexOf("Container " + p + "-api-1 Starting"));
            assertThat(first.indexOf("Container " + p + "-api-1 Started"))
                    .as(String.join("\n", first))
                    .isLessThan(first.indexOf("Container " + p + "-front-1 Starting"));

            assertThat(httpGet(port)).isEqualTo(Files.readString(copy.resolve("front/index.html")));
            // front -> api -> store, each found through the engine's DNS, the count kept on the volume
            assertThat(httpGet(port, "/cgi-bin/hello"))
                    .startsWith("Hello from front (via api at ")
                    .contains("visit number 1 (counted by the store at ");
            assertThat(httpGet(port, "/cgi-bin/hello")).contains("visit number 2 ");
            ExecOutcome lookup = fx.compose.exec(p, ExecOptions.of("api", "nslookup", "store"));
            assertThat(lookup.exitCode()).as(lookup.stdout() + lookup.stderr()).isZero();
            assertThat(lookup.stdout()).contains("Name:", "store");
            assertThat(fx.compose
                            .exec(p, ExecOptions.of("api", "sh", "-c", "exit 7"))
                            .exitCode())
                    .isEqualTo(7);
            assertThat(fx.compose.ps(p, false))
                    .extracting(ContainerSummary::name, ContainerSummary::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(p + "-api-1", "running"),
                            org.assertj.core.groups.Tuple.tuple(p + "-front-1", "running"),
                            org.assertj.core.groups.Tuple.tuple(p + "-store-1", "running (healthy)"));

            fx.events.clear();
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            assertThat(fx.rendered())
                    .noneMatch(e -> e.contains("Created") || e.contains("Recreate") || e.contains("Starting"));

            fx.events.clear();
            Files.writeString(
                    copy.resolve("compose.yaml"),
                    Files.readString(copy.resolve("compose.yaml"))
                            .replace("STORE_PORT: \"6379\"", "STORE_PORT: \"6380\""));
            fx.compose.up(fx.load(copy, "qs", env), FAST_UP, fx.listener());
            assertThat(fx.rendered())
                    .filteredOn(e -> e.contains("Recreate"))
                    .containsExactly("Container " + p + "-api-1 Recreate", "Container " + p + "-api-1 Recreated");
            assertThat(fx.rendered()).noneMatch(e -> e.contains("store-1 Recreate") || e.contains("front-1 Recreate"));
            assertThat(fx.compose
                            .exec(p, ExecOptions.of("api", "sh", "-c", "echo $STORE_PORT"))
                            .stdout())
                    .isEqualTo("6380\n");

            Path volume = fx.paths
                    .dataRoot()
                    .resolve("volumes")
                    .resolve(p + "_store-data")
                    .resolve("_data");
            Files.writeString(volume.resolve("marker"), "kept");
            fx.compose.down(
                    p, Optional.of(project), new DownOptions(false, false, Duration.ofSeconds(2)), fx.listener());
            assertThat(fx.compose.ps(p, true)).isEmpty();
            assertThat(volume.resolve("marker")).hasContent("kept");

            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            assertThat(fx.compose
                            .exec(p, ExecOptions.of("store", "cat", "/data/marker"))
                            .stdout())
                    .isEqualTo("kept");
            fx.compose.down(p, Optional.empty(), new DownOptions(true, false, Duration.ofSeconds(2)), fx.listener());
            assertThat(fx.compose.ps(p, true)).isEmpty();
            assertThat(volume.getParent()).doesNotExist();
            assertThat(fx.stack.network.networks().state().networks()).isEmpty();
        }
    }

    static Path copySample(Path target) throws IOException {
        try (Stream<Path> s = Files.walk(SAMPLE)) {
            for (Path from : s.toList()) {
                Path to = target.resolve(SAMPLE.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return target;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String httpGet(int port) throws Exception {
        return httpGet(port, "/");
    }

    static String httpGet(int port, String path) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return r.body();
                }
            } catch (IOException notYet) {
                // httpd may not listen yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no HTTP 200 from 127.0.0.1:" + port + " within 30s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
    }
}
