package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The CLI's exit codes, messages and labels as docker compose's own e2e tests expect them, through
 * the real CLI and engine on busybox: unknown services (TestEventsUnknownService,
 * TestPauseServiceDoesNotExist, TestPs "ps unknown"), pause (TestPauseServiceNotRunning,
 * TestPauseServiceAlreadyPaused), {@code ps -a} with one-offs, stop of a stopped service
 * (TestStopAlreadyStopped), exec's 126/127, top's columns and the version label
 * (TestLocalComposeUp), 64-hex ids, exec --index (TestLocalComposeExecOneOff), port, the
 * {@code --wait-timeout} failure (TestUpWaitTimeout) and {@code --project-directory} below the
 * compose file (TestDownComposefileInParentFolder).
 */
@Tag("root")
class CliParityRootTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SIMPLE = """
            services:
              simple:
                image: busybox:1.36
                command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
                ports: ["127.0.0.1:${SIMPLE_PORT}:8080"]
              another:
                image: busybox:1.36
                command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
            """;

    static final String SLOW_HEALTH = """
            services:
              app:
                image: busybox:1.36
                command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
                healthcheck:
                  test: ["CMD", "false"]
                  interval: 1m
                  start_period: 1m
            """;

    @Test
    void servicesAreCheckedPauseStopExecTopPortAndLabelsBehaveAsCompose() throws Exception {
        EngineSandbox.isolated(box -> {
            String p = box.track("par" + box.tag);
            box.env("SIMPLE_PORT", Integer.toString(CliEndToEndRootTest.freePort()));
            Files.writeString(box.app().resolve("compose.yaml"), SIMPLE);

            EngineSandbox.Run events =
                    within(Duration.ofSeconds(20), () -> box.cli("-p", p, "events", "not-a-service"));
            assertThat(events.exit()).isEqualTo(1);
            assertThat(events.err()).contains("no such service: not-a-service");
            EngineSandbox.Run pauseUnknown = box.cli("-p", p, "pause", "does_not_exist");
            assertThat(pauseUnknown.exit()).isEqualTo(1);
            assertThat(pauseUnknown.err()).contains("no such service: does_not_exist");
            box.cli("-p", p, "pause", "simple").assertOk("pause without any container is a no-op");

            box.cli("-p", p, "--progress", "plain", "up", "-d").assertOk("up");
            EngineSandbox.Run psUnknown = box.cli("-p", p, "ps", "unknown");
            assertThat(psUnknown.exit()).isEqualTo(1);
            assertThat(psUnknown.err()).contains("no such service: unknown");
            box.cli("-p", p, "ps", "simple").assertOk("ps of a known service");
            assertLabelsAndIds(box, p);
            assertTop(box, p);

            box.cli("-p", p, "pause", "simple").assertOk("pause");
            EngineSandbox.Run again = box.cli("-p", p, "pause", "simple");
            assertThat(again.exit()).as(again.err()).isEqualTo(1);
            assertThat(again.err()).contains("already paused");
            box.cli("-p", p, "unpause", "simple").assertOk("unpause");

            assertThat(box.cli("-p", p, "exec", "-T", "simple", "no-such-binary")
                            .exit())
                    .isEqualTo(127);
            assertThat(box.cli("-p", p, "exec", "-T", "simple", "/no/such/file").exit())
                    .isEqualTo(127);
            assertThat(box.cli("-p", p, "exec", "-T", "simple", "/bin").exit()).isEqualTo(126);
            assertThat(box.cli("-p", p, "exec", "-T", "simple", "sh", "-c", "exit 255")
                            .exit())
                    .as("a command's own 255 stays 255")
                    .isEqualTo(255);
            EngineSandbox.Run index = box.cli("-p", p, "exec", "-T", "--index", "2", "simple", "true");
            assertThat(index.exit()).isEqualTo(1);
            assertThat(index.err()).contains("service \"simple\" is not running container #2");
            EngineSandbox.Run port = box.cli("-p", p, "port", "simple", "81");
            assertThat(port.exit()).isEqualTo(1);
            assertThat(port.err()).contains("no port 81/tcp for container " + p + "-simple-1: 8080/tcp");

            box.cli("-p", p, "run", "-d", "another", "sleep", "300").assertOk("run -d");
            assertThat(names(box.cli("-p", p, "ps").assertOk("ps"))).containsExactly(p + "-another-1", p + "-simple-1");
            assertThat(names(box.cli("-p", p, "ps", "-a").assertOk("ps -a")))
                    .hasSize(3)
                    .startsWith(p + "-another-1", p + "-simple-1")
                    .last()
                    .asString()
                    .startsWith(p + "-another-run-");

            EngineSandbox.Run stop = box.cli("-p", p, "--progress", "plain", "stop", "-t", "1", "simple");
            stop.assertOk("stop");
            assertThat(stop.err()).contains(" Container " + p + "-simple-1  Stopped");
            EngineSandbox.Run stopAgain = box.cli("-p", p, "--progress", "plain", "stop", "simple");
            stopAgain.assertOk("stop of a stopped service");
            assertThat(stopAgain.err()).contains(" Container " + p + "-simple-1  Stopped");

            // TestLocalComposeExecOneOff: with the service's container stopped, exec finds the one-off,
            // but --index names replicas only
            box.cli("-p", p, "run", "-d", "simple", "sleep", "301").assertOk("run -d simple");
            EngineSandbox.Run inOneOff =
                    box.cli("-p", p, "exec", "-T", "simple", "sh", "-c", "tr '\\0' ' ' < /proc/1/cmdline");
            assertThat(inOneOff.out()).as(inOneOff.err()).isEqualTo("sleep 301 ");
            EngineSandbox.Run indexed = box.cli("-p", p, "exec", "-T", "--index", "1", "simple", "true");
            assertThat(indexed.exit()).isEqualTo(1);
            assertThat(indexed.err()).contains("service \"simple\" is not running container #1");
            box.cli("-p", p, "down", "-t", "0", "--remove-orphans").assertOk("down");
        });
    }

    @Test
    void waitTimeoutFailsWithComposesMessage() throws Exception {
        EngineSandbox.isolated(box -> {
            String p = box.track("pwt" + box.tag);
            Files.writeString(box.app().resolve("compose.yaml"), SLOW_HEALTH);
            long start = System.nanoTime();
            EngineSandbox.Run up = box.cli("-p", p, "--progress", "plain", "up", "--wait", "--wait-timeout", "3", "-d");
            assertThat(up.exit()).as(up.err()).isEqualTo(1);
            assertThat(up.err()).contains("application not healthy after 3s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
            assertThat(box.ps(p)).extracting(EngineSandbox.Container::state).containsExactly("running");
            box.cli("-p", p, "down", "-t", "0").assertOk("down");
        });
    }

    @Test
    void projectDirectoryBelowTheComposeFile() throws Exception {
        EngineSandbox.isolated(box -> {
            String p = box.track("tmp" + box.tag);
            Path parent = box.app().resolve("simple-composefile");
            Files.createDirectories(parent.resolve(p));
            Files.writeString(
                    parent.resolve("compose.yaml"),
                    SIMPLE.replace("${SIMPLE_PORT}", Integer.toString(CliEndToEndRootTest.freePort())));
            EngineSandbox.Run up =
                    box.cli("--project-directory", "simple-composefile/" + p, "--progress", "plain", "up", "-d");
            assertThat(up.exit()).as(up.err()).isZero();
            assertThat(up.err()).contains(" Container " + p + "-simple-1  Started");
            EngineSandbox.Run down = box.cli("-p", p, "--progress", "plain", "down", "-t", "0");
            assertThat(down.exit()).as(down.err()).isZero();
            assertThat(down.err()).contains("Removed");
            assertThat(box.ps(p)).isEmpty();
        });
    }

    /** docker compose's labels (the version among them) and docker's 64-hex container ids. */
    private static void assertLabelsAndIds(EngineSandbox box, String p) throws Exception {
        List<JsonNode> rows = box.cli("-p", p, "ps", "--no-trunc", "--format", "json")
                .assertOk("ps --format json")
                .out()
                .lines()
                .map(CliParityRootTest::json)
                .toList();
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.path("ID").asText()).matches("[0-9a-f]{64}");
            assertThat(row.path("Labels").asText())
                    .contains("com.docker.compose.version=", "com.docker.compose.project=" + p);
        });
    }

    private static void assertTop(EngineSandbox box, String p) {
        EngineSandbox.Run top = box.cli("-p", p, "top", "simple").assertOk("top");
        List<String> lines = top.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(p + "-simple-1");
        assertThat(lines.get(1).split("\\s+"))
                .containsExactly("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
        assertThat(lines.get(2))
                .matches("root\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\S+\\s+\\?\\s+\\d\\d:\\d\\d:\\d\\d\\s+sh -c trap .*");
    }

    private static List<String> names(EngineSandbox.Run ps) {
        return ps.out().lines().skip(1).map(l -> l.split("\\s+")[0]).toList();
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The command's result, or a failure when it has not returned within {@code limit} (it must not hang). */
    private static EngineSandbox.Run within(Duration limit, Supplier<EngineSandbox.Run> command) throws Exception {
        CompletableFuture<EngineSandbox.Run> run = CompletableFuture.supplyAsync(command);
        try {
            return run.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            run.cancel(true);
            throw new AssertionError("the command did not return within " + limit, e);
        }
    }
}
