package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.ExecOutcome;
import dev.jcompose.api.LogOptions;
import dev.jcompose.api.UpOptions;
import dev.jcompose.image.testing.TestImages;
import dev.jcompose.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One-shot dependencies, exit codes, --wait, restart policies and the per-container commands, on this host:
 * {@link StackLifecycleScenarios} and what only real processes show (their file systems, DNS answers).
 */
@Tag("root")
class StackLifecycleRootTest extends StackLifecycleScenarios {
    @Override
    StackHost open() throws IOException {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        return new StackFixture();
    }

    private static Project write(StackFixture fx, String name, String yaml) throws Exception {
        Path dir = Files.createDirectories(fx.dir.resolve(name));
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return fx.load(dir, name, Map.of());
    }

    @Test
    void completedSuccessfullyGatesTheDependentAndLogsExecAndPsShowIt() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        try (StackFixture fx = new StackFixture()) {
            Project project = write(fx, "oneshot", """
                    services:
                      init:
                        image: busybox:1.36
                        command: ["sh", "-c", "echo seeded > /shared/ready; echo init done"]
                        volumes: [shared:/shared]
                      app:
                        image: busybox:1.36
                        command: ["sh", "-c", "cat /shared/ready; exec sleep 300"]
                        volumes: [shared:/shared]
                        depends_on:
                          init:
                            condition: service_completed_successfully
                    volumes:
                      shared: {}
                    """);
            String p = fx.project("oneshot");
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            List<String> events = fx.rendered();
            assertThat(events.indexOf("Container " + p + "-init-1 Exited (0)"))
                    .as(String.join("\n", events))
                    .isNotNegative()
                    .isLessThan(events.indexOf("Container " + p + "-app-1 Starting"));
            assertThat(fx.compose.ps(p, true))
                    .extracting(ContainerSummary::name, ContainerSummary::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(p + "-app-1", "running"),
                            org.assertj.core.groups.Tuple.tuple(p + "-init-1", "exited (0)"));
            StackFixture.await(
                    "app's log line",
                    Duration.ofSeconds(30),
                    () -> logs(fx, p, "app").contains("seeded"));
            assertThat(logs(fx, p, "init")).containsExactly("init done");
            assertThat(fx.compose.exec(p, ExecOptions.of("app", "sh", "-c", "echo out; echo err >&2; exit 3")))
                    .isEqualTo(new ExecOutcome(3, "out\n", "err\n"));
            assertThatThrownBy(() -> fx.compose.exec(p, ExecOptions.of("init", "true")))
                    .hasMessage("service \"init\" is not running container #1");

            fx.compose.stop(p, List.of("app"), Duration.ofSeconds(1), fx.listener());
            assertThat(fx.compose.ps(p, false)).isEmpty();
            fx.compose.start(p, List.of("app"), fx.listener());
            assertThat(fx.compose.ps(p, false))
                    .extracting(ContainerSummary::name)
                    .containsExactly(p + "-app-1");
            assertThat(fx.compose.top(p, List.of("app")).get(p + "-app-1"))
                    .anyMatch(proc -> proc.command().endsWith("sleep 300"));
            fx.compose.down(p, Optional.of(project), FAST_DOWN, fx.listener());
            assertThat(fx.compose.ps(p, true)).isEmpty();
            assertThat(fx.paths.dataRoot().resolve("volumes").resolve(p + "_shared"))
                    .doesNotExist();
        }
    }

    @Test
    void onFailureRestartsUntilTheLimit() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        try (StackFixture fx = new StackFixture()) {
            Project project = write(fx, "crash", """
                    services:
                      crash:
                        image: busybox:1.36
                        command: ["sh", "-c", "echo run >> /runs; echo runs=$$(wc -l < /runs); exit 2"]
                        restart: on-failure:2
                    """);
            String p = fx.project("crash");
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            String name = p + "-crash-1";
            try {
                StackFixture.await(
                        "three exits",
                        Duration.ofSeconds(30),
                        () -> fx.rendered().stream()
                                        .filter(e -> e.equals("Container " + name + " Exited (2)"))
                                        .count()
                                == 3);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + ":\n" + String.join("\n", fx.rendered()), e);
            }
            assertThat(fx.rendered())
                    .filteredOn(e -> e.contains("Restarted"))
                    .containsExactly("Container " + name + " Restarted", "Container " + name + " Restarted");
            assertThat(fx.compose.ps(p, true))
                    .extracting(ContainerSummary::status)
                    .containsExactly("exited (2)");
            // every restart ran on the same writable layer and appended to the same log
            assertThat(logs(fx, p, "crash")).containsExactly("runs=1", "runs=2", "runs=3");
            fx.compose.down(p, Optional.empty(), FAST_DOWN, fx.listener());
        }
    }

    @Test
    void restartStopAndStartKeepWhatTheContainerWroteToItsOwnFileSystem() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        try (StackFixture fx = new StackFixture()) {
            Project project = write(fx, "keep", """
                    services:
                      keep:
                        image: busybox:1.36
                        command: ["sh", "-c", "echo run >> /runs; echo runs=$$(wc -l < /runs); trap 'exit 0' TERM; while :; do sleep 0.1; done"]
                    """);
            String p = fx.project("keep");
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            assertThat(fx.compose
                            .exec(p, ExecOptions.of("keep", "sh", "-c", "echo hello > /data.txt"))
                            .exitCode())
                    .isZero();

            fx.compose.restart(p, List.of("keep"), Duration.ofSeconds(5), fx.listener());
            assertThat(fx.compose.exec(p, ExecOptions.of("keep", "cat", "/data.txt", "/runs")))
                    .isEqualTo(new ExecOutcome(0, "hello\nrun\nrun\n", ""));
            fx.compose.stop(p, List.of("keep"), Duration.ofSeconds(5), fx.listener());
            fx.compose.start(p, List.of("keep"), fx.listener());
            assertThat(fx.compose.exec(p, ExecOptions.of("keep", "cat", "/data.txt", "/runs")))
                    .isEqualTo(new ExecOutcome(0, "hello\nrun\nrun\nrun\n", ""));
            StackFixture.await(
                    "the third run's log line",
                    Duration.ofSeconds(20),
                    () -> logs(fx, p, "keep").size() == 3);
            assertThat(logs(fx, p, "keep")).containsExactly("runs=1", "runs=2", "runs=3");
            fx.compose.down(p, Optional.empty(), FAST_DOWN, fx.listener());
            assertThat(fx.compose.ps(p, true)).isEmpty();
        }
    }

    @Test
    void scaleUpAnswersEveryReplicaByNameAndScaleDownRemovesTheHighest() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        try (StackFixture fx = new StackFixture()) {
            Project project = write(fx, "scale", """
                    services:
                      web:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                      client:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                    """);
            String p = fx.project("scale");
            fx.compose.up(project, scaled(2), fx.listener());
            assertThat(fx.compose.ps(p, false))
                    .extracting(ContainerSummary::name)
                    .containsExactly(p + "-client-1", p + "-web-1", p + "-web-2");
            String answer = fx.compose
                    .exec(p, ExecOptions.of("client", "nslookup", "web"))
                    .stdout();
            assertThat(answer.lines().filter(l -> l.startsWith("Address: ")).count())
                    .as(answer)
                    .isEqualTo(2);
            fx.compose.up(project, scaled(1), fx.listener());
            assertThat(fx.compose.ps(p, true))
                    .extracting(ContainerSummary::name)
                    .containsExactly(p + "-client-1", p + "-web-1");
            fx.compose.down(p, Optional.of(project), FAST_DOWN, fx.listener());
        }
    }

    private static UpOptions scaled(int web) {
        return new UpOptions(
                List.of(),
                false,
                false,
                false,
                false,
                new java.util.TreeMap<>(Map.of("web", web)),
                null,
                false,
                false,
                null,
                Duration.ofSeconds(1));
    }

    private static List<String> logs(StackFixture fx, String project, String service) {
        List<String> lines = new ArrayList<>();
        fx.compose.logs(project, new LogOptions(List.of(service), false, -1, false, null), r -> lines.add(r.text()));
        return lines;
    }
}
