package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.cgroup.CgroupLayout;
import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.state.ContainerState;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("root")
class ContainerLifecycleTest {
    RuntimeFixture fx;
    ConmonRuntime rt;

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
    void runReportsBothStreamsAndTheExitCode() {
        rt.create(fx.request("streams", RuntimeFixture.sh("echo out; echo err >&2; exit 3")));
        assertThat(rt.inspect("streams").state()).isEqualTo(ContainerState.CREATED);
        rt.start("streams");
        assertThat(rt.waitExit("streams", Duration.ofSeconds(20))).contains(3);
        ContainerRecord r = rt.inspect("streams");
        assertThat(r.state()).isEqualTo(ContainerState.EXITED);
        assertThat(r.exitCode()).isEqualTo(3);
        List<LogLine> logs = rt.logs("streams", -1);
        List<LogLine> followed = new java.util.ArrayList<>();
        rt.followLogs("streams", followed::add);
        assertThat(followed).isEqualTo(logs);
        assertThat(rt.logs("streams", 1)).containsExactly(logs.get(1));
        assertThat(logs)
                .extracting(LogLine::stream, LogLine::text)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(LogLine.Stream.STDOUT, "out"),
                        org.assertj.core.groups.Tuple.tuple(LogLine.Stream.STDERR, "err"));
        rt.delete("streams", false);
        assertThat(Files.exists(fx.paths.runRoot().resolve("containers/streams")))
                .isFalse();
        assertThat(CgroupLayout.detect().exists("/" + fx.cgroupParent + "/streams"))
                .isFalse();
    }

    @Test
    void deleteReturnsOnceTheContainersConmonIsGoneFromTheProcessTable() {
        rt.create(fx.request("monitored", RuntimeFixture.sh("echo up; sleep 1000")));
        rt.start("monitored");
        awaitLog("monitored", "up");
        long conmon = ConmonRuntime.readPid(
                        ContainerDirs.of(fx.paths, "monitored").conmonPidFile())
                .orElseThrow();
        long started = ExitWatcher.startTime(conmon).orElseThrow();

        rt.delete("monitored", true);

        assertThat(ExitWatcher.startTime(conmon))
                .as("conmon %d neither running nor a zombie", conmon)
                .satisfiesAnyOf(
                        t -> assertThat(t).isEmpty(),
                        t -> assertThat(t.getAsLong()).isNotEqualTo(started));
    }

    @Test
    void stopSendsTheStopSignalAndReturnsTheExitCode() {
        rt.create(fx.request(
                "trap",
                RuntimeFixture.sh("trap 'exit 9' USR1; echo ready; while :; do sleep 0.05; done")
                        .withStop("SIGUSR1", Duration.ofSeconds(20))));
        rt.start("trap");
        awaitLog("trap", "ready");
        long t0 = System.nanoTime();
        assertThat(rt.stop("trap", null)).isEqualTo(9);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(rt.inspect("trap").exitCode()).isEqualTo(9);
    }

    @Test
    void stopKillsAContainerIgnoringTermAfterTheGracePeriod() {
        rt.create(fx.request(
                "stubborn",
                RuntimeFixture.sh("trap '' TERM; echo ready; while :; do sleep 0.05; done")
                        .withStop(null, Duration.ofMillis(700))));
        rt.start("stubborn");
        awaitLog("stubborn", "ready");
        long t0 = System.nanoTime();
        assertThat(rt.stop("stubborn", null)).isEqualTo(137);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void illegalTransitionsAreRefused() {
        rt.create(fx.request("fsm", RuntimeFixture.sh("sleep 1000")));
        assertThatThrownBy(() -> rt.unpause("fsm")).hasMessage("cannot unpause container c-fsm: it is created");
        rt.start("fsm");
        assertThatThrownBy(() -> rt.start("fsm")).hasMessage("cannot start container c-fsm: it is running");
        assertThatThrownBy(() -> rt.delete("fsm", false)).hasMessage("cannot remove container c-fsm: it is running");
        rt.pause("fsm");
        assertThat(rt.inspect("fsm").state()).isEqualTo(ContainerState.PAUSED);
        assertThatThrownBy(() -> rt.exec("fsm", ExecRequest.of("true")))
                .hasMessage("cannot exec in container c-fsm: it is paused");
        rt.unpause("fsm");
        assertThat(rt.exec("fsm", ExecRequest.of("echo", "hi"))).isEqualTo(new ExecOutput(0, "hi\n", ""));
        rt.kill("fsm", "SIGKILL");
        assertThat(rt.waitExit("fsm", Duration.ofSeconds(10))).contains(137);
        assertThatThrownBy(() -> rt.start("fsm")).hasMessage("cannot start container c-fsm: it is exited");
    }

    @Test
    void execRunsAsTheRequestedUserAndReportsItsExitCode() {
        rt.create(fx.request("ex", RuntimeFixture.sh("sleep 1000")));
        rt.start("ex");
        assertThat(rt.exec("ex", new ExecRequest(List.of("id"), java.util.Map.of(), "app", null))
                        .stdout())
                .isEqualTo("uid=1000(app) gid=1000(app) groups=2000(extra)\n");
        assertThat(rt.exec(
                        "ex",
                        new ExecRequest(
                                List.of("sh", "-c", "echo $X $PWD >&2; exit 4"),
                                java.util.Map.of("X", "x1"),
                                null,
                                "/tmp")))
                .isEqualTo(new ExecOutput(4, "", "x1 /tmp\n"));
    }

    @Test
    void limitsCapabilitiesMaskedPathsAndNoNewPrivsAreInForce() {
        rt.create(fx.request(
                "sec",
                RuntimeFixture.sh("sleep 1000")
                        .withResources(new ContainerSpec.Resources(64L << 20, null, 0.5, null, null, 50L))));
        rt.start("sec");
        CgroupLayout.Limits l = CgroupLayout.detect().limits("/" + fx.cgroupParent + "/sec");
        assertThat(l.memoryBytes()).contains(64L << 20);
        assertThat(l.cpuQuota()).contains(50_000L);
        assertThat(l.cpuPeriod()).contains(100_000L);
        assertThat(l.pidsMax()).contains(50L);
        String status =
                rt.exec("sec", ExecRequest.of("cat", "/proc/self/status")).stdout();
        assertThat(status).contains("CapEff:\t00000000a80425fb\n").contains("NoNewPrivs:\t1\n");
        assertThat(rt.exec("sec", ExecRequest.of("sh", "-c", "cat /proc/timer_list | wc -c")))
                .isEqualTo(new ExecOutput(0, "0\n", ""));
        ExecOutput ro = rt.exec("sec", ExecRequest.of("sh", "-c", "echo 1 > /proc/sys/kernel/ns_last_pid"));
        assertThat(ro.exitCode()).isNotZero();
        assertThat(ro.stderr()).contains("Read-only file system");
        assertThat(rt.exec("sec", ExecRequest.of("cat", "/etc/hosts")).stdout()).isEqualTo("127.0.0.1 localhost\n");
    }

    @Test
    void initRunsTheServiceUnderTiniOrCatatonit() {
        ContainerSpec s = RuntimeFixture.sh("echo ppid=$PPID; sleep 1000");
        s = new ContainerSpec(
                s.entrypoint(),
                s.command(),
                s.environment(),
                s.workingDir(),
                s.user(),
                s.groupAdd(),
                s.hostname(),
                s.mounts(),
                s.readOnly(),
                s.resources(),
                s.ulimits(),
                s.capAdd(),
                s.capDrop(),
                s.privileged(),
                s.sysctls(),
                true,
                s.network(),
                s.shmSizeBytes(),
                s.seccomp(),
                s.noNewPrivileges(),
                null,
                Duration.ofSeconds(20));
        rt.create(fx.request("init", s));
        rt.start("init");
        awaitLog("init", "ppid=1");
        assertThat(rt.exec("init", ExecRequest.of("cat", "/proc/1/cmdline")).stdout())
                .startsWith("/sbin/docker-init\0--\0");
        assertThat(rt.stop("init", null)).isEqualTo(143);
    }

    @Test
    void readOnlyRootTmpfsBindsHostnameAndSysctlsAreApplied() throws IOException {
        java.nio.file.Path vol = Files.createDirectories(fx.dir.resolve("vol"));
        Files.writeString(vol.resolve("data"), "from host");
        ContainerSpec s = RuntimeFixture.sh("sleep 1000");
        s = new ContainerSpec(
                s.entrypoint(),
                s.command(),
                java.util.Map.of("GREETING", "hi"),
                "/tmp",
                "app",
                List.of(),
                "web-host",
                List.of(
                        new ContainerSpec.Bind(vol.toString(), "/vol", true),
                        new ContainerSpec.Tmpfs("/scratch", 1L << 20, 0777)),
                true,
                s.resources(),
                s.ulimits(),
                List.of(),
                List.of("ALL"),
                false,
                java.util.Map.of("kernel.shmmax", "123456"),
                false,
                s.network(),
                null,
                true,
                true,
                null,
                null);
        rt.create(fx.request("ro", s));
        rt.start("ro");
        assertThat(rt.exec("ro", ExecRequest.of("sh", "-c", "touch /x")).stderr())
                .isEqualTo("touch: /x: Read-only file system\n");
        assertThat(rt.exec("ro", ExecRequest.of("sh", "-c", "echo ok > /scratch/f && cat /scratch/f /vol/data")))
                .isEqualTo(new ExecOutput(0, "ok\nfrom host", ""));
        assertThat(rt.exec("ro", ExecRequest.of("sh", "-c", "touch /vol/new")).exitCode())
                .isNotZero();
        assertThat(
                        rt.exec(
                                "ro",
                                ExecRequest.of(
                                        "sh",
                                        "-c",
                                        "hostname; id -u; pwd; echo $GREETING; cat /proc/sys/kernel/shmmax; grep CapEff /proc/self/status")))
                .isEqualTo(new ExecOutput(0, "web-host\n1000\n/tmp\nhi\n123456\nCapEff:\t0000000000000000\n", ""));
    }

    @Test
    void aContainerWhoseMonitorDiedIsSeenAsExitedAndCleanedUp() throws IOException {
        rt.create(fx.request("dead", RuntimeFixture.sh("sleep 1000")));
        rt.start("dead");
        ContainerDirs dirs = ContainerDirs.of(fx.paths, "dead");
        long conmon = ConmonRuntime.readPid(dirs.conmonPidFile()).orElseThrow();
        long init = ConmonRuntime.readPid(dirs.containerPidFile()).orElseThrow();
        ProcessHandle.of(conmon).orElseThrow().destroyForcibly();
        ProcessHandle.of(init).orElseThrow().destroyForcibly();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((ExitWatcher.running(init) || ExitWatcher.running(conmon)) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
        }
        ContainerRecord r = fx.newRuntime().list().get(0);
        assertThat(r.state()).isEqualTo(ContainerState.EXITED);
        assertThat(r.exitCode()).isNull();
        fx.newRuntime().delete("dead", false);
        assertThat(fx.newRuntime().list()).isEmpty();
        assertThat(CgroupLayout.detect().exists("/" + fx.cgroupParent + "/dead"))
                .isFalse();
    }

    /** An engine SIGKILLed between {@code runc start} and saving the record leaves "created" on disk. */
    @Test
    void aRecordSavedAsCreatedForAStartedContainerIsReadBackAsRunning() {
        ContainerRecord created = rt.create(fx.request("torn", RuntimeFixture.sh("sleep 1000")));
        assertThat(created.state()).isEqualTo(ContainerState.CREATED);
        rt.start("torn");
        new StateStore(fx.paths).save(created);
        ContainerRuntime restarted = fx.newRuntime();
        assertThat(restarted.inspect("torn").state()).isEqualTo(ContainerState.RUNNING);
        assertThatThrownBy(() -> restarted.start("torn")).hasMessage("cannot start container c-torn: it is running");
        restarted.stop("torn", Duration.ZERO);
    }

    /** Pause records its intent first, so an engine killed mid-pause never leaves "running" for a frozen container. */
    @Test
    void pauseIsRecordedBeforeTheContainerIsFrozenAndATornPauseReadsBackRunning() {
        List<String> recordedAtFreeze = new java.util.ArrayList<>();
        dev.jcompose.host.ProcessCommandRunner real = new dev.jcompose.host.ProcessCommandRunner();
        StateStore store = new StateStore(fx.paths);
        ContainerRuntime watched = new ConmonRuntime(
                fx.paths,
                command -> {
                    if (command.argv().contains("pause")) {
                        recordedAtFreeze.add(
                                store.load("torn").orElseThrow().state().name());
                        throw new IllegalStateException("engine killed before runc pause");
                    }
                    return real.run(command);
                },
                dev.jcompose.host.Clock.system(),
                fx.oci,
                RuntimeConfig.detect(fx.cgroupParent));
        watched.create(fx.request("torn", RuntimeFixture.sh("sleep 1000")));
        watched.start("torn");
        assertThatThrownBy(() -> watched.pause("torn")).hasMessage("engine killed before runc pause");
        assertThat(recordedAtFreeze).containsExactly("PAUSED");
        ContainerRuntime restarted = fx.newRuntime();
        assertThat(restarted.inspect("torn").state()).isEqualTo(ContainerState.RUNNING);
        restarted.stop("torn", Duration.ZERO);
    }

    /** Another command listing containers while one is being created must not record it as exited. */
    @Test
    void aListDuringACreateLeavesTheContainerCreated() {
        dev.jcompose.host.ProcessCommandRunner real = new dev.jcompose.host.ProcessCommandRunner();
        java.util.concurrent.atomic.AtomicReference<ContainerRuntime> self =
                new java.util.concurrent.atomic.AtomicReference<>();
        List<String> seenMidCreate = new java.util.ArrayList<>();
        ContainerRuntime rt2 = new ConmonRuntime(
                fx.paths,
                command -> {
                    if (command.argv().getFirst().endsWith("conmon")) {
                        self.get().list().forEach(r -> seenMidCreate.add(r.name() + " " + r.state()));
                    }
                    return real.run(command);
                },
                dev.jcompose.host.Clock.system(),
                fx.oci,
                RuntimeConfig.detect(fx.cgroupParent));
        self.set(rt2);
        assertThat(rt2.create(fx.request("mid", RuntimeFixture.sh("sleep 1000")))
                        .state())
                .isEqualTo(ContainerState.CREATED);
        assertThat(seenMidCreate).containsExactly("c-mid CREATED");
        assertThat(rt2.inspect("mid").state()).isEqualTo(ContainerState.CREATED);
        assertThat(rt2.start("mid").state()).isEqualTo(ContainerState.RUNNING);
        rt2.stop("mid", Duration.ZERO);
    }

    /** A container removed by another command while a list inspects it is skipped, and stays removed. */
    @Test
    void aContainerRemovedDuringAListIsSkippedAndNotBroughtBack() {
        dev.jcompose.host.ProcessCommandRunner real = new dev.jcompose.host.ProcessCommandRunner();
        java.util.concurrent.atomic.AtomicReference<ContainerRuntime> self =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean removing = new java.util.concurrent.atomic.AtomicBoolean();
        ContainerRuntime rt2 = new ConmonRuntime(
                fx.paths,
                command -> {
                    if (command.argv().contains("state")
                            && command.argv().getLast().equals("gone")
                            && removing.compareAndSet(false, true)) {
                        self.get().delete("gone", true); // the other command, after the list read the record
                    }
                    return real.run(command);
                },
                dev.jcompose.host.Clock.system(),
                fx.oci,
                RuntimeConfig.detect(fx.cgroupParent));
        self.set(rt2);
        // created by another runtime (an engine before this one): rt2 asks the runtime about them
        fx.runtime.create(fx.request("gone", RuntimeFixture.sh("sleep 1000")));
        fx.runtime.create(fx.request("kept", RuntimeFixture.sh("sleep 1000")));
        assertThat(rt2.list()).extracting(ContainerRecord::name).containsExactly("c-kept");
        assertThat(new StateStore(fx.paths).ids()).containsExactly("kept");
        rt2.delete("kept", true);
    }

    @Test
    void privilegedGetsAllCapabilitiesHostDevicesAndNoMaskedPaths() {
        ContainerSpec s = RuntimeFixture.sh("sleep 1000");
        s = new ContainerSpec(
                s.entrypoint(),
                s.command(),
                s.environment(),
                null,
                null,
                List.of(),
                null,
                List.of(),
                false,
                s.resources(),
                s.ulimits(),
                List.of(),
                List.of(),
                true,
                java.util.Map.of(),
                false,
                s.network(),
                null,
                true,
                true,
                null,
                null);
        rt.create(fx.request("priv", s));
        rt.start("priv");
        assertThat(rt.exec("priv", ExecRequest.of("grep", "CapEff", "/proc/self/status"))
                        .stdout())
                .isEqualTo(String.format("CapEff:\t%016x\n", RuntimeConfig.hostCapBounding()));
        assertThat(rt.exec("priv", ExecRequest.of("sh", "-c", "test -c /dev/kmsg && echo dev"))
                        .stdout())
                .isEqualTo("dev\n");
        assertThat(rt.exec("priv", ExecRequest.of("sh", "-c", "cat /proc/timer_list | wc -c"))
                        .stdout()
                        .strip())
                .isNotEqualTo("0");
        rt.stop("priv", Duration.ZERO);
        assertThat(Files.exists(java.nio.file.Path.of("/dev/pts/ptmx"))).isTrue();
    }

    private void awaitLog(String id, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<LogLine> l = new LogReader(rt.logPath(id))
                    .read(-1).stream().filter(x -> x.text().equals(text)).findFirst();
            if (l.isPresent()) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
        throw new AssertionError(
                "no log line '" + text + "' from " + id + " in " + new LogReader(rt.logPath(id)).read(-1));
    }
}
