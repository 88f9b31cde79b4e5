package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.cgroup.CgroupLayout;
import dev.jcompose.rootfs.OverlayMounter;
import dev.jcompose.state.ContainerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** An exited container runs again on the same writable layer and log, as docker start does. */
@Tag("root")
class ContainerRestartTest {
    RuntimeFixture fx;
    ContainerRuntime rt;

    @BeforeEach
    void setUp() throws IOException {
        fx = new RuntimeFixture();
        rt = fx.runtime;
    }

    @AfterEach
    void tearDown() throws IOException {
        fx.close();
    }

    @Test
    void aFileWrittenInTheContainerSurvivesRunningAgainAndTheLogKeepsBothRuns() throws IOException {
        rt.create(
                fx.request("keep", RuntimeFixture.sh("echo run >> /data.txt; echo runs=$(wc -l < /data.txt); exit 3")));
        rt.start("keep");
        assertThat(rt.waitExit("keep", Duration.ofSeconds(20))).contains(3);
        ContainerRecord first = rt.inspect("keep");
        assertThat(first.restartCount()).isZero();

        ContainerRecord again = rt.restart("keep");
        assertThat(again.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(again.restartCount()).isEqualTo(1);
        assertThat(again.created()).isEqualTo(first.created());
        assertThat(again.started()).isAfterOrEqualTo(first.finished());
        assertThat(rt.waitExit("keep", Duration.ofSeconds(20))).contains(3);

        ContainerRecord done = rt.inspect("keep");
        assertThat(done.state()).isEqualTo(ContainerState.EXITED);
        assertThat(done.exitCode()).isEqualTo(3);
        assertThat(done.restartCount()).isEqualTo(1);
        assertThat(rt.logs("keep", -1)).extracting(LogLine::text).containsExactly("runs=1", "runs=2");
        assertThat(Files.readString(done.rootfs().upperDir().resolve("data.txt")))
                .isEqualTo("run\nrun\n");
    }

    @Test
    void stopAndStartTwiceKeepsTheLayerAndDeleteThenRemovesEverything() throws IOException {
        rt.create(fx.request(
                "loop",
                RuntimeFixture.sh("echo $(( $(cat /n 2>/dev/null || echo 0) + 1 )) > /n; echo run $(cat /n); "
                        + "trap 'exit 0' TERM; while :; do sleep 0.05; done")));
        rt.start("loop");
        awaitLog("loop", "run 1");
        assertThat(rt.stop("loop", null)).isZero();
        long firstConmon = conmonPid("loop");

        rt.restart("loop");
        awaitLog("loop", "run 2");
        assertThat(rt.exec("loop", ExecRequest.of("cat", "/n"))).isEqualTo(new ExecOutput(0, "2\n", ""));
        assertThat(conmonPid("loop")).isNotEqualTo(firstConmon);
        assertThat(rt.stop("loop", null)).isZero();

        ContainerRuntime adopted = fx.newRuntime(); // another process runs it again and sees it running
        assertThat(adopted.restart("loop").restartCount()).isEqualTo(2);
        awaitLog("loop", "run 3");
        assertThat(fx.newRuntime().inspect("loop").state()).isEqualTo(ContainerState.RUNNING);
        assertThat(rt.logs("loop", -1)).extracting(LogLine::text).containsExactly("run 1", "run 2", "run 3");

        long conmon = conmonPid("loop");
        Path rootfs = rt.inspect("loop").rootfs().target();
        fx.newRuntime().delete("loop", true);
        assertThat(ExitWatcher.running(conmon)).isFalse();
        assertThat(OverlayMounter.isMounted(rootfs)).isFalse();
        assertThat(CgroupLayout.detect().exists("/" + fx.cgroupParent + "/loop"))
                .isFalse();
        assertThat(ContainerDirs.of(fx.paths, "loop").state()).doesNotExist();
        assertThat(ContainerDirs.of(fx.paths, "loop").data()).doesNotExist();
        assertThat(rt.list()).isEmpty();
    }

    @Test
    void anUnmountedRootIsMountedAgainBeforeRunning() throws IOException {
        rt.create(fx.request("remount", RuntimeFixture.sh("echo x >> /f; cat /f | wc -l")));
        rt.start("remount");
        assertThat(rt.waitExit("remount", Duration.ofSeconds(20))).contains(0);
        ContainerRecord rec = rt.inspect("remount");
        new OverlayMounter(new dev.jcompose.host.ProcessCommandRunner())
                .unmount(rec.rootfs().target());

        rt.restart("remount");
        assertThat(rt.waitExit("remount", Duration.ofSeconds(20))).contains(0);
        assertThat(rt.logs("remount", -1)).extracting(LogLine::text).containsExactly("1", "2");
    }

    @Test
    void onlyAnExitedContainerRunsAgain() {
        rt.create(fx.request("fsm", RuntimeFixture.sh("sleep 1000")));
        assertThatThrownBy(() -> rt.restart("fsm")).hasMessage("cannot start container c-fsm: it is created");
        rt.start("fsm");
        assertThatThrownBy(() -> rt.restart("fsm")).hasMessage("cannot start container c-fsm: it is running");
        rt.stop("fsm", Duration.ZERO);
        assertThatThrownBy(() -> rt.start("fsm"))
                .isInstanceOf(ContainerException.class)
                .hasMessage("cannot start container c-fsm: it is exited");
        assertThat(rt.restart("fsm").state()).isEqualTo(ContainerState.RUNNING);
        assertThat(rt.inspect("fsm").state()).isEqualTo(ContainerState.RUNNING);
    }

    private long conmonPid(String id) {
        return ConmonRuntime.readPid(ContainerDirs.of(fx.paths, id).conmonPidFile())
                .orElseThrow();
    }

    private void awaitLog(String id, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (rt.logs(id, -1).stream().anyMatch(l -> l.text().equals(text))) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
        throw new AssertionError("no log line '" + text + "' from " + id + " in " + rt.logs(id, -1));
    }
}
