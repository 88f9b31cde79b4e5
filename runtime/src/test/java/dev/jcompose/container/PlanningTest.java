package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.state.ContainerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pure parts of the container package: the state machine, the conmon command, log parsing. */
class PlanningTest {
    @TempDir
    Path tmp;

    @Test
    void legalTransitions() {
        assertThat(ContainerState.CREATED.canGo(ContainerState.RUNNING)).isTrue();
        assertThat(ContainerState.RUNNING.canGo(ContainerState.PAUSED)).isTrue();
        assertThat(ContainerState.PAUSED.canGo(ContainerState.RUNNING)).isTrue();
        assertThat(ContainerState.RUNNING.canGo(ContainerState.REMOVING)).isFalse();
        assertThat(ContainerState.EXITED.canGo(ContainerState.RUNNING)).isFalse();
        assertThat(ContainerState.REMOVING.canGo(ContainerState.CREATED)).isFalse();
        assertThat(ContainerState.fromRuntime("stopped")).isEqualTo(ContainerState.EXITED);
        assertThat(ContainerState.fromRuntime("paused")).isEqualTo(ContainerState.PAUSED);
    }

    @Test
    void conmonCommandLine() {
        ContainerDirs d = new ContainerDirs(Path.of("/run/j/containers/abc"), Path.of("/var/lib/j/containers/abc"));
        String cmd = new ConmonCommand(
                        Path.of("/usr/bin/conmon"),
                        "abc",
                        "web-1",
                        new OciRuntime("runc", Path.of("/usr/sbin/runc"), "runc version 1.1.5"),
                        Path.of("/run/j/runc"),
                        d)
                .command()
                .display();
        assertThat(cmd)
                .isEqualTo("/usr/bin/conmon --api-version 1 -c abc -u abc -n web-1 -r /usr/sbin/runc"
                        + " -b /run/j/containers/abc/bundle -p /run/j/containers/abc/container.pid"
                        + " --conmon-pidfile /run/j/containers/abc/conmon.pid --exit-dir /run/j/containers/abc/exit"
                        + " --full-attach --no-sync-log -l k8s-file:/run/j/containers/abc/container.log --runtime-arg --root=/run/j/runc"
                        + " --runtime-arg --log-format=json --runtime-arg --log=/run/j/containers/abc/runtime.log");
    }

    @Test
    void k8sFileLogsJoinPartialsPerStreamAndTail() throws Exception {
        Path log = Files.writeString(tmp.resolve("c.log"), """
                2026-01-02T03:04:05.123456789+00:00 stdout P hel
                2026-01-02T03:04:05.200000000+00:00 stderr F oops
                2026-01-02T03:04:05.300000000+00:00 stdout F lo world
                2026-01-02T03:04:06.000000000+00:00 stdout F\s
                2026-01-02T03:04:07.000000000+00:00 stdout F last
                """);
        List<LogLine> all = new LogReader(log).read(-1);
        assertThat(all)
                .containsExactly(
                        new LogLine(Instant.parse("2026-01-02T03:04:05.200Z"), LogLine.Stream.STDERR, "oops"),
                        new LogLine(Instant.parse("2026-01-02T03:04:05.300Z"), LogLine.Stream.STDOUT, "hello world"),
                        new LogLine(Instant.parse("2026-01-02T03:04:06Z"), LogLine.Stream.STDOUT, ""),
                        new LogLine(Instant.parse("2026-01-02T03:04:07Z"), LogLine.Stream.STDOUT, "last"));
        assertThat(new LogReader(log).read(2))
                .extracting(l -> l.render(true))
                .containsExactly("2026-01-02T03:04:06Z ", "2026-01-02T03:04:07Z last");
    }

    @Test
    void followDeliversLinesWrittenLaterUntilDone() throws Exception {
        Path log = tmp.resolve("f.log");
        List<String> got = new ArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        new LogReader(log).follow(l -> got.add(l.text()), () -> {
            int n = polls.incrementAndGet();
            try {
                if (n == 2) {
                    Files.writeString(log, "2026-01-02T03:04:05Z stdout F one\n");
                } else if (n == 4) {
                    Files.writeString(
                            log, "2026-01-02T03:04:06Z stdout F two\n", java.nio.file.StandardOpenOption.APPEND);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return n >= 5;
        });
        assertThat(got).containsExactly("one", "two");
    }
}
