package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.state.ContainerState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A container outlives the JVM that started it; a new JVM adopts it from disk and stops it. */
@Tag("root")
class AdoptionTest {
    @Test
    void aContainerStartedByAnotherJvmIsAdoptedAndStopped() throws Exception {
        try (RuntimeFixture fx = new RuntimeFixture()) {
            String java = ProcessHandle.current().info().command().orElseThrow();
            Process child = new ProcessBuilder(List.of(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            AdoptionMain.class.getName(),
                            fx.paths.dataRoot().toString(),
                            fx.paths.runRoot().toString(),
                            fx.cgroupParent,
                            "adopt1",
                            "sha256:" + "b".repeat(64),
                            fx.dir.resolve("busybox.tar.gz").toString()))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(out).isZero();
            assertThat(out).contains("started adopt1");
            assertThat(ProcessHandle.of(child.pid())).isEmpty();

            ContainerRuntime fresh = fx.newRuntime();
            assertThat(fresh.list())
                    .extracting(ContainerRecord::id, ContainerRecord::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("adopt1", ContainerState.RUNNING));
            long conmon = ConmonRuntime.readPid(
                            ContainerDirs.of(fx.paths, "adopt1").conmonPidFile())
                    .orElseThrow();
            assertThat(ExitWatcher.running(conmon)).isTrue();
            assertThat(fresh.stop("adopt1", null)).isEqualTo(42);
            fresh.delete("adopt1", false);
            assertThat(ExitWatcher.running(conmon)).isFalse();
            assertThat(fresh.list()).isEmpty();
        }
    }
}
