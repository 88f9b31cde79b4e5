package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.host.HostSnapshot;
import dev.jcompose.image.testing.TestImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code jcompose watch} against the real engine: it brings the service up, and a file saved in the
 * watched directory is visible in the running container ({@code exec cat}) within a second.
 */
@Tag("root")
class WatchRootTest {
    static final String COMPOSE = """
            services:
              app:
                image: busybox:1.36
                command: ["sh", "-c", "while true; do sleep 1; done"]
                stop_grace_period: 1s
                develop:
                  watch:
                    - {action: sync, path: ./www, target: /srv/www, ignore: ["*.tmp"]}
            """;

    final String tag = EngineSandbox.newTag();
    final String project = "wa" + tag;
    final EngineSandbox sandbox = new EngineSandbox(tag, project);

    @Test
    void aSavedFileIsInTheContainerWithinASecond() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        HostSnapshot before = sandbox.snapshot();
        sandbox.runThenClose(() -> {
            sandbox.importBusybox();
            Files.writeString(sandbox.app().resolve("compose.yaml"), COMPOSE);
            Path www = Files.createDirectories(sandbox.app().resolve("www"));
            WatchCommandTest.Signalling out = new WatchCommandTest.Signalling("Watch enabled");
            StringWriter err = new StringWriter();
            AtomicInteger exit = new AtomicInteger(-1);
            Thread watch = Thread.ofPlatform()
                    .name("jcompose-watch-test")
                    .start(() -> exit.set(Main.execute(
                            new String[] {"-p", project, "--progress", "plain", "watch"},
                            new PrintWriter(out, true),
                            new PrintWriter(err, true),
                            sandbox.environment())));
            try {
                assertThat(out.seen.await(120, TimeUnit.SECONDS))
                        .as("watch ran up and started: %s%s", out.all, err)
                        .isTrue();
                List<Duration> latencies = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    latencies.add(saveAndSee(www.resolve("index.html"), "/srv/www/index.html", "v" + i));
                }
                latencies.add(saveAndSee(www.resolve("sub/new.txt"), "/srv/www/sub/new.txt", "new"));
                System.out.println("watch sync latencies (write to visible through exec cat): " + latencies);
                assertThat(latencies).allSatisfy(d -> assertThat(d).isLessThan(Duration.ofSeconds(1)));
            } finally {
                watch.interrupt();
                watch.join(TimeUnit.SECONDS.toMillis(30));
            }
            assertThat(watch.isAlive()).isFalse();
            assertThat(out.all.toString()).contains("Syncing service \"app\" after 1 changes were detected");
            sandbox.cli("-p", project, "--progress", "quiet", "down", "-t", "0").assertOk("down");
        });
        sandbox.snapshot().assertSameAs(before);
    }

    /** Writes {@code text} to {@code file} and returns how long until {@code exec cat} shows it. */
    private Duration saveAndSee(Path file, String inContainer, String text) throws Exception {
        Files.createDirectories(file.getParent());
        long start = System.nanoTime();
        Files.writeString(file, text);
        long deadline = start + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            EngineSandbox.Run cat = sandbox.cli("-p", project, "exec", "-T", "app", "cat", inContainer);
            if (cat.exit() == 0 && cat.out().equals(text)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
        }
        throw new AssertionError(inContainer + " never showed \"" + text + "\" within 10 s");
    }
}
