package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.state.ContainerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ContainerRuntime} does, run against each implementation (containerd's model: one
 * suite, several subclasses). A subclass gives a fresh, empty runtime and makes containers whose
 * process behaves as a {@link Process} says, its own way (a shell script in busybox, a
 * {@link ScriptedProcess}); it cleans up after each test. What only a real kernel shows (the writable
 * layer, users, limits, adoption by another process) stays in the real runtime's own tests.
 */
public abstract class ContainerRuntimeContract {
    /** A process's behaviour, in terms every implementation can produce. */
    protected sealed interface Process {
        /** The stop settings of the container's spec that go with this behaviour. */
        ContainerSpec stopOf(ContainerSpec s);
    }

    /** Prints {@code out} on stdout and {@code err} on stderr, then exits with {@code code}. */
    protected record Exits(String out, String err, int code) implements Process {
        @Override
        public ContainerSpec stopOf(ContainerSpec s) {
            return s;
        }
    }

    /**
     * Prints {@code ready}, then runs until {@code signal} (also its stop signal) makes it exit with
     * {@code code}; it ignores other signals, SIGKILL excepted.
     */
    protected record Serves(String ready, String signal, int code) implements Process {
        @Override
        public ContainerSpec stopOf(ContainerSpec s) {
            return s.withStop(signal, Duration.ofSeconds(20));
        }
    }

    /** Prints {@code ready}, then runs ignoring SIGTERM (its stop signal): only SIGKILL ends it. */
    protected record IgnoresStop(String ready, Duration grace) implements Process {
        @Override
        public ContainerSpec stopOf(ContainerSpec s) {
            return s.withStop(null, grace);
        }
    }

    /** An exec every implementation must answer with {@link #ECHOED} in a running container. */
    protected static final ExecRequest ECHO = ExecRequest.of("sh", "-c", "echo out; echo err >&2; exit 4");

    protected static final ExecOutput ECHOED = new ExecOutput(4, "out\n", "err\n");

    private static final Duration WAIT = Duration.ofSeconds(20);

    protected ContainerRuntime rt;

    /** A runtime with no containers; called before each test. */
    protected abstract ContainerRuntime newRuntime() throws Exception;

    /** The request of a container named {@code "c-" + id} whose process behaves as {@code process} says. */
    protected abstract CreateRequest request(String id, Process process);

    @BeforeEach
    final void openRuntime() throws Exception {
        rt = newRuntime();
    }

    @Test
    void aCreatedContainerRunsWhenStartedAndIsExitedWithItsCodeAfterwards() {
        ContainerRecord created = rt.create(request("life", new Exits("out", "err", 3)));
        assertThat(created)
                .extracting(
                        ContainerRecord::id, ContainerRecord::name, ContainerRecord::state, ContainerRecord::exitCode)
                .containsExactly("life", "c-life", ContainerState.CREATED, null);
        assertThat(created.restartCount()).isZero();
        assertThat(rt.exists("life")).isTrue();
        assertThat(rt.inspect("life")).isEqualTo(created);
        assertThat(rt.list()).containsExactly(created);
        assertThat(rt.pid("life")).isPresent();

        ContainerRecord started = rt.start("life");
        assertThat(started.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(started.started()).isNotNull();
        assertThat(rt.waitExit("life", WAIT)).contains(3);
        ContainerRecord exited = rt.inspect("life");
        assertThat(exited)
                .extracting(ContainerRecord::state, ContainerRecord::exitCode)
                .containsExactly(ContainerState.EXITED, 3);
        // not after `started`: the real runtime stamps `started` once `runc start` returned, and a
        // process that exits at once can have been reaped by conmon (which stamps `finished`) before that
        assertThat(exited.finished()).isNotNull().isAfterOrEqualTo(exited.created());
        assertThat(exited.created()).isEqualTo(created.created());
        assertThat(rt.pid("life")).isEmpty();
        assertThat(rt.stop("life", null)).as("stopping an exited container").isEqualTo(3);
    }

    @Test
    void logsHoldBothStreamsAndTheLastRecordsOnly() {
        rt.create(request("logs", new Exits("out", "err", 0)));
        rt.start("logs");
        assertThat(rt.waitExit("logs", WAIT)).contains(0);
        List<LogLine> logs = rt.logs("logs", -1);
        assertThat(logs)
                .extracting(LogLine::stream, LogLine::text)
                .containsExactlyInAnyOrder(tuple(LogLine.Stream.STDOUT, "out"), tuple(LogLine.Stream.STDERR, "err"));
        assertThat(rt.logs("logs", 1)).containsExactly(logs.get(1));
        assertThat(rt.logs("logs", 0)).isEmpty();
        List<LogLine> followed = new ArrayList<>();
        rt.followLogs("logs", followed::add);
        assertThat(followed).isEqualTo(logs);
    }

    @Test
    void stopSendsTheStopSignalAndReturnsTheExitCodeItCauses() {
        rt.create(request("trap", new Serves("ready", "SIGUSR1", 9)));
        rt.start("trap");
        awaitLog("trap", "ready");
        assertThat(rt.stop("trap", null)).isEqualTo(9);
        assertThat(rt.inspect("trap"))
                .extracting(ContainerRecord::state, ContainerRecord::exitCode)
                .containsExactly(ContainerState.EXITED, 9);
    }

    @Test
    void stopKillsAProcessIgnoringItsStopSignalAfterTheGracePeriod() {
        rt.create(request("stubborn", new IgnoresStop("ready", Duration.ofMillis(500))));
        rt.start("stubborn");
        awaitLog("stubborn", "ready");
        assertThat(rt.stop("stubborn", null)).isEqualTo(137);
        assertThat(rt.inspect("stubborn").exitCode()).isEqualTo(137);
    }

    @Test
    void stopKillsACreatedContainerAtOnce() {
        rt.create(request("early", new Serves("ready", "SIGUSR1", 9)));
        assertThat(rt.stop("early", null)).isEqualTo(137);
        assertThat(rt.inspect("early").state()).isEqualTo(ContainerState.EXITED);
    }

    @Test
    void killDeliversTheSignalToTheProcess() {
        rt.create(request("sig", new Serves("ready", "SIGUSR1", 9)));
        rt.create(request("nine", new Serves("ready", "SIGUSR1", 9)));
        rt.start("sig");
        rt.start("nine");
        awaitLog("sig", "ready");
        awaitLog("nine", "ready");
        rt.kill("sig", "SIGUSR1");
        rt.kill("nine", "SIGKILL");
        assertThat(rt.waitExit("sig", WAIT)).contains(9);
        assertThat(rt.waitExit("nine", WAIT)).contains(137);
    }

    @Test
    void aPausedContainerRefusesExecAndStartAndRunsAgainWhenUnpaused() {
        rt.create(request("frozen", new Serves("ready", "SIGUSR1", 9)));
        rt.start("frozen");
        awaitLog("frozen", "ready");
        assertThat(rt.pause("frozen").state()).isEqualTo(ContainerState.PAUSED);
        assertThat(rt.inspect("frozen").state()).isEqualTo(ContainerState.PAUSED);
        assertThat(rt.pid("frozen")).isPresent();
        refused(() -> rt.exec("frozen", ECHO), "cannot exec in container c-frozen: it is paused", "frozen");
        refused(() -> rt.pause("frozen"), "cannot pause container c-frozen: it is paused", "frozen");
        assertThat(rt.unpause("frozen").state()).isEqualTo(ContainerState.RUNNING);
        assertThat(rt.exec("frozen", ECHO)).isEqualTo(ECHOED);
        refused(() -> rt.unpause("frozen"), "cannot unpause container c-frozen: it is running", "frozen");
    }

    @Test
    void stoppingAPausedContainerDeliversItsStopSignal() {
        rt.create(request("cold", new Serves("ready", "SIGUSR1", 9)));
        rt.start("cold");
        awaitLog("cold", "ready");
        rt.pause("cold");
        assertThat(rt.stop("cold", null)).isEqualTo(9);
    }

    @Test
    void operationsNotAllowedInTheStateAreRefusedAndChangeNothing() {
        rt.create(request("fsm", new Serves("ready", "SIGUSR1", 9)));
        refused(() -> rt.unpause("fsm"), "cannot unpause container c-fsm: it is created", "fsm");
        refused(() -> rt.restart("fsm"), "cannot start container c-fsm: it is created", "fsm");
        refused(() -> rt.exec("fsm", ECHO), "cannot exec in container c-fsm: it is created", "fsm");
        rt.start("fsm");
        awaitLog("fsm", "ready");
        refused(() -> rt.start("fsm"), "cannot start container c-fsm: it is running", "fsm");
        refused(() -> rt.restart("fsm"), "cannot start container c-fsm: it is running", "fsm");
        refused(() -> rt.delete("fsm", false), "cannot remove container c-fsm: it is running", "fsm");
        rt.kill("fsm", "SIGKILL");
        assertThat(rt.waitExit("fsm", WAIT)).contains(137);
        refused(() -> rt.start("fsm"), "cannot start container c-fsm: it is exited", "fsm");
        refused(() -> rt.pause("fsm"), "cannot pause container c-fsm: it is exited", "fsm");
        refused(() -> rt.kill("fsm", "SIGKILL"), "cannot kill container c-fsm: it is exited", "fsm");
        refused(() -> rt.exec("fsm", ECHO), "cannot exec in container c-fsm: it is exited", "fsm");
        refused(() -> rt.execRecipe("fsm", ECHO, false, false), "cannot exec in container c-fsm: it is exited", "fsm");
    }

    @Test
    void restartRunsAnExitedContainerAgainAsTheSameContainer() {
        ContainerRecord created = rt.create(request("again", new Exits("out", "err", 3)));
        rt.start("again");
        assertThat(rt.waitExit("again", WAIT)).contains(3);
        ContainerRecord first = rt.inspect("again");
        ContainerRecord again = rt.restart("again");
        assertThat(again)
                .extracting(
                        ContainerRecord::id,
                        ContainerRecord::name,
                        ContainerRecord::created,
                        ContainerRecord::state,
                        ContainerRecord::exitCode,
                        ContainerRecord::finished,
                        ContainerRecord::restartCount)
                .containsExactly("again", "c-again", created.created(), ContainerState.RUNNING, null, null, 1);
        assertThat(again.started()).isAfterOrEqualTo(first.started());
        assertThat(rt.waitExit("again", WAIT)).contains(3);
        assertThat(rt.inspect("again").restartCount()).isEqualTo(1);
        assertThat(rt.logs("again", -1))
                .extracting(LogLine::text)
                .containsExactlyInAnyOrder("out", "err", "out", "err");
    }

    @Test
    void execReturnsTheCommandsExitCodeAndOutput() {
        rt.create(request("ex", new Serves("ready", "SIGUSR1", 9)));
        rt.start("ex");
        awaitLog("ex", "ready");
        assertThat(rt.exec("ex", ECHO)).isEqualTo(ECHOED);
        ExecRecipe foreground = rt.execRecipe("ex", ECHO, true, false);
        assertThat(foreground)
                .extracting(ExecRecipe::containerId, ExecRecipe::containerName, ExecRecipe::tty, ExecRecipe::detach)
                .containsExactly("ex", "c-ex", true, false);
        assertThat(rt.execRecipe("ex", ECHO, true, true))
                .extracting(ExecRecipe::tty, ExecRecipe::detach)
                .containsExactly(false, true);
        assertThat(rt.inspect("ex").state()).isEqualTo(ContainerState.RUNNING);
    }

    @Test
    void aDeletedContainerIsGoneAndItsIdFreeAgain() {
        rt.create(request("gone", new Exits("out", "err", 0)));
        rt.start("gone");
        assertThat(rt.waitExit("gone", WAIT)).contains(0);
        rt.delete("gone", false);
        assertThat(rt.exists("gone")).isFalse();
        assertThat(rt.list()).isEmpty();
        assertThat(rt.logs("gone", -1)).isEmpty();
        assertThat(rt.pid("gone")).isEmpty();
        unknown(() -> rt.inspect("gone"), "gone");
        unknown(() -> rt.delete("gone", false), "gone");
        assertThat(rt.create(request("gone", new Exits("out", "err", 0))).state())
                .isEqualTo(ContainerState.CREATED);
        rt.delete("gone", false); // created: removed as is
        assertThat(rt.exists("gone")).isFalse();
    }

    @Test
    void forceDeletesARunningContainer() {
        rt.create(request("busy", new IgnoresStop("ready", Duration.ofSeconds(20))));
        rt.start("busy");
        awaitLog("busy", "ready");
        rt.delete("busy", true);
        assertThat(rt.exists("busy")).isFalse();
        assertThat(rt.list()).isEmpty();
    }

    @Test
    void operationsOnAnUnknownIdFailSayingSoWhileReadsAreEmpty() {
        for (ThrowingCallable op : List.<ThrowingCallable>of(
                () -> rt.inspect("nope"),
                () -> rt.start("nope"),
                () -> rt.restart("nope"),
                () -> rt.pause("nope"),
                () -> rt.unpause("nope"),
                () -> rt.kill("nope", "SIGTERM"),
                () -> rt.stop("nope", Duration.ZERO),
                () -> rt.exec("nope", ECHO),
                () -> rt.execRecipe("nope", ECHO, false, false),
                () -> rt.delete("nope", true))) {
            unknown(op, "nope");
        }
        assertThat(rt.exists("nope")).isFalse();
        assertThat(rt.logs("nope", -1)).isEmpty();
        assertThat(rt.pid("nope")).isEmpty();
        assertThat(rt.waitExit("nope", Duration.ZERO)).isEmpty();
        assertThat(rt.list()).isEmpty();
    }

    @Test
    void anIdInUseIsRefused() {
        rt.create(request("twice", new Exits("out", "err", 0)));
        assertThatThrownBy(() -> rt.create(request("twice", new Exits("out", "err", 0))))
                .isInstanceOf(ContainerException.class)
                .hasMessage("container id twice is already in use");
        assertThat(rt.list()).extracting(ContainerRecord::id).containsExactly("twice");
    }

    @Test
    void listHasEveryContainerSortedById() {
        rt.create(request("b", new Exits("out", "err", 0)));
        rt.create(request("a", new Exits("out", "err", 0)));
        rt.start("b");
        assertThat(rt.waitExit("b", WAIT)).contains(0);
        assertThat(rt.list())
                .extracting(ContainerRecord::id, ContainerRecord::state)
                .containsExactly(tuple("a", ContainerState.CREATED), tuple("b", ContainerState.EXITED));
    }

    /** Refused with {@code message} and a hint, the container's state unchanged. */
    private void refused(ThrowingCallable op, String message, String id) {
        ContainerState before = rt.inspect(id).state();
        assertThatThrownBy(op)
                .isInstanceOf(ContainerException.class)
                .hasMessage(message)
                .extracting(e -> ((ContainerException) e).hint())
                .isNotNull();
        assertThat(rt.inspect(id).state()).isEqualTo(before);
    }

    private static void unknown(ThrowingCallable op, String id) {
        assertThatThrownBy(op)
                .isInstanceOf(ContainerException.class)
                .hasMessage("no such container: " + id)
                .extracting(e -> ((ContainerException) e).hint())
                .isEqualTo("list containers with `jcompose ps -a`");
    }

    /** Polls the log (the process writes it on its own time) until {@code text} is in it. */
    protected void awaitLog(String id, String text) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (rt.logs(id, -1).stream().noneMatch(l -> l.text().equals(text))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log line '" + text + "' from " + id + " in " + rt.logs(id, -1));
            }
            LockSupport.parkNanos(5_000_000);
        }
    }
}
