package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.host.HostSnapshot;
import dev.jcompose.image.testing.TestImages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The CLI as users run it, through the real engine process: a private run/data root, an image made
 * with {@code image import} from busybox-static, a two-service stack with a port published on
 * 127.0.0.1, then up --wait, HTTP, ps, logs, exec, down; the engine is shut down and nothing leaks.
 */
@Tag("root")
class CliEndToEndRootTest {
    static final String COMPOSE = """
            services:
              web:
                image: busybox:1.36
                command: ["sh", "-c", "mkdir -p /www && echo hello-from-web > /www/index.html && echo web says hi && exec httpd -f -p 8080 -h /www"]
                ports: ["127.0.0.1:${WEB_PORT}:8080"]
              worker:
                image: busybox:1.36
                command: ["sh", "-c", "echo worker ready; while true; do sleep 1; done"]
            """;

    static final String JOB = """
            services:
              job:
                image: busybox:1.36
                command: ["sh", "-c", "sleep 1; echo job ran; exit 3"]
              idle:
                image: busybox:1.36
                command: ["sh", "-c", "while true; do sleep 1; done"]
            """;

    final String tag = EngineSandbox.newTag();
    final String project = "cli" + tag;
    final EngineSandbox sandbox = new EngineSandbox(tag, project, project + "j");

    EngineSandbox.Run cli(String... args) {
        return sandbox.cli(args);
    }

    @Test
    void upWaitServesPsLogsExecDownThroughTheEngine() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        HostSnapshot before = sandbox.snapshot();
        int port = freePort();
        sandbox.env("WEB_PORT", Integer.toString(port));
        sandbox.runThenClose(() -> {
            Files.createDirectories(sandbox.app());
            Files.writeString(sandbox.app().resolve("compose.yaml"), COMPOSE);
            Files.writeString(sandbox.app().resolve("job.yaml"), JOB);
            Path rootfs = sandbox.dir.resolve("rootfs.tar");
            Files.write(rootfs, TestImages.busybox().build().layerTar());
            EngineSandbox.Run imported =
                    cli("image", "import", "--change", "CMD [\"sh\"]", rootfs.toString(), "busybox:1.36");
            assertThat(imported.exit()).as(imported.err()).isZero();
            assertThat(imported.out()).startsWith("sha256:");
            assertThat(cli("image", "ls").out()).contains("busybox      1.36");

            EngineSandbox.Run up = cli("-p", project, "--progress", "plain", "up", "-d", "--wait");
            assertThat(up.exit()).as(up.err()).isZero();
            assertThat(up.err())
                    .contains(
                            " Container " + project + "-web-1  Started",
                            " Container " + project + "-worker-1  Started");
            assertThat(httpGet(port)).isEqualTo("hello-from-web\n");

            EngineSandbox.Run ps = cli("-p", project, "ps");
            assertThat(ps.exit()).as(ps.err()).isZero();
            assertThat(ps.out().lines().skip(1).toList())
                    .hasSize(2)
                    .anySatisfy(l -> assertThat(l)
                            .startsWith(project + "-web-1")
                            .contains(" Up ", "127.0.0.1:" + port + "->8080/tcp"))
                    .anySatisfy(
                            l -> assertThat(l).startsWith(project + "-worker-1").contains(" Up "));

            EngineSandbox.Run logs = cli("-p", project, "--ansi", "never", "logs");
            assertThat(logs.exit()).as(logs.err()).isZero();
            assertThat(logs.out().lines().toList()).contains("web-1     | web says hi", "worker-1  | worker ready");

            EngineSandbox.Run exec = cli("-p", project, "exec", "-T", "web", "sh", "-c", "echo inside; exit 7");
            assertThat(exec.exit()).isEqualTo(7);
            assertThat(exec.out()).isEqualTo("inside\n");
            assertThat(cli("-p", project, "port", "web", "8080").out()).isEqualTo("127.0.0.1:" + port + "\n");
            assertThat(cli("-p", project, "top", "web").out()).contains("httpd -f -p 8080 -h /www");
            assertThat(cli("ls", "-q").out().lines().toList()).contains(project);

            assertFollowEndsOnInterrupt();

            EngineSandbox.Run down = cli("-p", project, "--progress", "plain", "down", "-t", "1");
            assertThat(down.exit()).as(down.err()).isZero();
            assertThat(down.err()).contains(" Network " + project + "_default  Removed");
            assertThat(cli("-p", project, "ps", "-a", "-q").out()).isEmpty();
            assertThat(cli("engine", "status").out()).startsWith("engine pid ");

            EngineSandbox.Run attached =
                    cli("-f", "job.yaml", "-p", project + "j", "--ansi", "never", "up", "--exit-code-from", "job");
            assertThat(attached.exit()).as(attached.err()).isEqualTo(3);
            assertThat(attached.out().lines().toList())
                    .containsSubsequence(
                            "job-1   | job ran", "job-1 exited with code 3", "Aborting on container exit...");
            assertThat(cli("-f", "job.yaml", "-p", project + "j", "down", "-t", "0")
                            .exit())
                    .isZero();
        });
        sandbox.snapshot().assertSameAs(before);
    }

    /** {@code logs -f} on a running container streams until the CLI is interrupted (Ctrl-C), then exits 130. */
    private void assertFollowEndsOnInterrupt() throws InterruptedException {
        StringWriter out = new StringWriter();
        int[] exit = {-1};
        Thread follow = Thread.ofPlatform()
                .start(() -> exit[0] = Main.execute(
                        new String[] {"-p", project, "--ansi", "never", "logs", "-f", "worker"},
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter(), true),
                        sandbox.environment()));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!out.toString().contains("worker-1  | worker ready") && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
        assertThat(out.toString()).contains("worker-1  | worker ready");
        assertThat(follow.isAlive()).as("follows while the container runs").isTrue();
        follow.interrupt();
        follow.join(Duration.ofSeconds(10));
        assertThat(follow.isAlive()).isFalse();
        assertThat(exit[0]).isEqualTo(130);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String httpGet(int port) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html"))
                .timeout(Duration.ofSeconds(5))
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
