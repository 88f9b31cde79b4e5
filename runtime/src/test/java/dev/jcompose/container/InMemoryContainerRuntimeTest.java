package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.oci.ImageDefaults;
import dev.jcompose.state.ContainerState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-memory runtime's scripting side: what a test makes its containers do, and what it records. */
class InMemoryContainerRuntimeTest {
    final InMemoryContainerRuntime rt = new InMemoryContainerRuntime();

    @Test
    void aScriptedProcessPrintsAtEveryStartAndItsExecsAnswerAsScripted() {
        rt.scriptNamed(
                "web",
                ScriptedProcess.running()
                        .printing("listening")
                        .execs(List.of("curl", "-f", "localhost"), new ExecOutput(22, "", "404\n")));
        rt.create(request("1", "web"));
        rt.start("1");
        assertThat(rt.exec("1", ExecRequest.of("curl", "-f", "localhost"))).isEqualTo(new ExecOutput(22, "", "404\n"));
        assertThat(rt.exec("1", ExecRequest.of("true"))).isEqualTo(ScriptedProcess.EXEC_DEFAULT);
        rt.exit("1", 2);
        assertThat(rt.waitExit("1", Duration.ZERO)).contains(2);
        rt.restart("1");
        assertThat(rt.logs("1", -1)).extracting(LogLine::text).containsExactly("listening", "listening");
    }

    @Test
    void containersNoScriptMatchesRunTheDefaultProcess() {
        rt.scriptNamed("db", ScriptedProcess.exiting(1));
        rt.create(request("1", "web"));
        rt.start("1");
        assertThat(rt.inspect("1").state()).isEqualTo(ContainerState.RUNNING);
        assertThat(rt.stop("1", null)).isEqualTo(143);
    }

    @Test
    void theTestControlsExitOutputAndFailures() {
        rt.create(request("1", "web"));
        assertThatThrownBy(() -> rt.exit("1", 0)).hasMessage("web is created, not running");
        rt.start("1");
        rt.print("1", LogLine.Stream.STDERR, "warning");
        rt.failNext("stop", new ContainerException("stuck", "kill it"));
        assertThatThrownBy(() -> rt.stop("1", null)).hasMessage("stuck");
        assertThat(rt.inspect("1").state()).isEqualTo(ContainerState.RUNNING);
        rt.rescript("1", ScriptedProcess.running().trapping("TERM", 0));
        assertThat(rt.stop("1", null)).isZero();
        assertThat(rt.logs("1", -1))
                .extracting(LogLine::stream, LogLine::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LogLine.Stream.STDERR, "warning"));
        assertThat(rt.operations()).containsExactly("create web", "start web", "stop web", "exited web 0");
    }

    @Test
    void signalsSentToAPausedContainerAreHandledWhenItIsThawed() {
        rt.scriptNamed("web", ScriptedProcess.running().trapping("SIGHUP", 5));
        rt.create(request("1", "web"));
        rt.start("1");
        rt.pause("1");
        rt.kill("1", "1");
        assertThat(rt.inspect("1").state()).isEqualTo(ContainerState.PAUSED);
        rt.unpause("1");
        assertThat(rt.inspect("1").exitCode()).isEqualTo(5);
        assertThatThrownBy(() -> rt.kill("1", "SIGNOPE"))
                .isInstanceOf(ContainerException.class)
                .hasMessage("cannot kill container web: it is exited");
    }

    @Test
    void timesComeFromTheClockSoRecordsAreTheSameOnEveryRun() {
        ContainerRecord created = rt.create(request("1", "web"));
        ContainerRecord started = rt.start("1");
        assertThat(created.created()).isEqualTo(InMemoryContainerRuntime.EPOCH);
        assertThat(started.started()).isEqualTo(InMemoryContainerRuntime.EPOCH.plusSeconds(1));
        assertThat(rt.pid("1")).contains(1000L);
        assertThat(rt.attachDirectory("1")).isEqualTo(Path.of("/nonexistent/jcompose-in-memory/containers/1/attach"));
    }

    /** A follower and a waiter on other threads see what the test does, without any sleep. */
    @Test
    void followAndWaitReturnWhenTheContainerExits() throws Exception {
        rt.create(request("1", "web"));
        rt.start("1");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<String> followed = new CopyOnWriteArrayList<>();
            CountDownLatch first = new CountDownLatch(1);
            Future<?> follower = pool.submit(() -> rt.followLogs("1", l -> {
                followed.add(l.text());
                first.countDown();
            }));
            Future<java.util.Optional<Integer>> waiter = pool.submit(() -> rt.waitExit("1", Duration.ofMinutes(1)));
            rt.print("1", LogLine.Stream.STDOUT, "one");
            assertThat(first.await(1, TimeUnit.MINUTES)).isTrue();
            rt.print("1", LogLine.Stream.STDOUT, "two");
            rt.exit("1", 7);
            follower.get(1, TimeUnit.MINUTES);
            assertThat(waiter.get(1, TimeUnit.MINUTES)).contains(7);
            assertThat(followed).containsExactly("one", "two");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCommandsEachSeeAWholeContainer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        String id = thread + "-" + i;
                        rt.create(request(id, "c" + id));
                        rt.start(id);
                        assertThat(rt.list()).allMatch(r -> r.state() != null);
                        rt.stop(id, null);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rt.list()).hasSize(200).allMatch(r -> r.exitCode() == 143);
        assertThat(rt.list().stream().map(ContainerRecord::id)).isSorted();
    }

    @Test
    void aFollowOfARemovedContainerEnds() throws Exception {
        rt.create(request("1", "web"));
        rt.start("1");
        Thread follower = Thread.ofPlatform().start(() -> rt.followLogs("1", l -> {}));
        rt.delete("1", true);
        follower.join(Duration.ofMinutes(1));
        assertThat(follower.isAlive()).isFalse();
    }

    private static CreateRequest request(String id, String name) {
        return new CreateRequest(
                id,
                name,
                Map.of(),
                "hash",
                Path.of("/nonexistent/snapshots"),
                List.of(),
                ImageDefaults.EMPTY,
                ContainerSpec.defaults(),
                null,
                null,
                null);
    }
}
