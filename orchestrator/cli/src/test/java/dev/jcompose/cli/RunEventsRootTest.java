package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.host.HostSnapshot;
import dev.jcompose.image.testing.TestImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code events} and {@code run} through the real engine process, isolated like
 * {@link CliEndToEndRootTest}: private roots, cgroup parent and chain prefix; nothing leaks.
 */
@Tag("root")
class RunEventsRootTest {
    static final String COMPOSE = """
            services:
              svc:
                image: busybox:1.36
                command: ["sh", "-c", "while true; do sleep 1; done"]
                ports: ["127.0.0.1:${WEB_PORT}:8080"]
                depends_on: [dep]
              dep:
                image: busybox:1.36
                command: ["sh", "-c", "while true; do sleep 1; done"]
            """;

    final String tag = EngineSandbox.newTag();
    final String project = "re" + tag;
    final EngineSandbox sandbox = new EngineSandbox(tag, project);

    EngineSandbox.Run cli(String... args) {
        return sandbox.cli(args);
    }

    @Test
    void eventsAndRunThroughTheEngine() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        HostSnapshot before = sandbox.snapshot();
        sandbox.env("WEB_PORT", Integer.toString(CliEndToEndRootTest.freePort()));
        sandbox.runThenClose(() -> {
            sandbox.importBusybox();
            Files.writeString(sandbox.app().resolve("compose.yaml"), COMPOSE);
            assertEventsSeeAnotherCommandsContainer();
            assertRunRmPassesOutputAndExitCode();
            assertInterruptedRunStopsAndRemovesTheOneOff();
        });
        sandbox.snapshot().assertSameAs(before);
    }

    /** {@code events --json} in a thread sees the start and die of a container that up and stop handle. */
    private void assertEventsSeeAnotherCommandsContainer() throws InterruptedException {
        StringWriter out = new StringWriter();
        int[] exit = {-1};
        Thread events = Thread.ofPlatform()
                .start(() -> exit[0] = Main.execute(
                        new String[] {"-p", project, "events", "--json"},
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter(), true),
                        sandbox.environment()));
        String container = project + "-svc-1";
        // the subscription has no signal of its own: start and stop again until it has seen one cycle
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(seen(out, "start", container) && seen(out, "die", container)) && System.nanoTime() < deadline) {
            EngineSandbox.Run up = cli("-p", project, "--progress", "quiet", "up", "-d");
            assertThat(up.exit()).as(up.err()).isZero();
            EngineSandbox.Run stop = cli("-p", project, "--progress", "quiet", "stop", "-t", "0");
            assertThat(stop.exit()).as(stop.err()).isZero();
        }
        assertThat(out.toString()).contains("\"type\":\"container\"", "\"service\":\"svc\"");
        assertThat(seen(out, "start", container)).as(out.toString()).isTrue();
        assertThat(seen(out, "die", container)).as(out.toString()).isTrue();
        assertThat(events.isAlive()).as("events streams until interrupted").isTrue();
        events.interrupt();
        events.join(Duration.ofSeconds(10));
        assertThat(events.isAlive()).isFalse();
        assertThat(exit[0]).isEqualTo(130);
    }

    private static boolean seen(StringWriter out, String action, String container) {
        return out.toString()
                .lines()
                .anyMatch(l ->
                        l.contains("\"action\":\"" + action + "\"") && l.contains("\"name\":\"" + container + "\""));
    }

    /** {@code run --rm svc sh -c 'echo hi; exit 4'}: its output, its exit code, and no container left. */
    private void assertRunRmPassesOutputAndExitCode() {
        assertThat(cli("-p", project, "ps").out())
                .as("stopped by the events part")
                .doesNotContain(project + "-dep-1");
        EngineSandbox.Run run = cli(
                "-p",
                project,
                "--progress",
                "quiet",
                "run",
                "--rm",
                "svc",
                "sh",
                "-c",
                "echo hi; echo oops >&2; exit 4");
        assertThat(run.exit()).as(run.err()).isEqualTo(4);
        assertThat(run.out()).isEqualTo("hi\n");
        assertThat(run.err()).isEqualTo("oops\n");
        assertThat(cli("-p", project, "ps").out())
                .as("run started the dependency")
                .contains(project + "-dep-1");

        EngineSandbox.Run kept = cli(
                "-p",
                project,
                "--progress",
                "quiet",
                "run",
                "--name",
                project + "-once",
                "-e",
                "A=from-run",
                "svc",
                "sh",
                "-c",
                "echo $A");
        assertThat(kept.exit()).as(kept.err()).isZero();
        assertThat(kept.out()).isEqualTo("from-run\n");
        EngineSandbox.Run ps = cli("-p", project, "ps", "-a");
        assertThat(ps.out())
                .as("ps -a lists the kept one-off too, as docker compose does")
                .contains(project + "-svc-1", project + "-dep-1", project + "-once");
        assertThat(cli("-p", project, "ps", "-a", "-q").out().lines().count()).isEqualTo(3);
        assertThat(cli("-p", project, "ps").out())
                .as("ps without -a lists no exited one-off")
                .doesNotContain(project + "-once");

        EngineSandbox.Run detached = cli("-p", project, "--progress", "quiet", "run", "-d", "svc");
        assertThat(detached.exit()).as(detached.err()).isZero();
        assertThat(detached.out()).matches(project + "-svc-run-[0-9a-f]{12}\n");
        EngineSandbox.Run down = cli("-p", project, "--progress", "plain", "down", "-t", "0", "--remove-orphans");
        assertThat(down.exit()).as(down.err()).isZero();
        assertThat(down.err())
                .contains(
                        " Container " + project + "-once  Removed",
                        " Container " + detached.out().strip() + "  Removed");
        assertThat(down.err()
                        .lines()
                        .filter(l -> l.contains("-svc-run-") && l.endsWith("Removed"))
                        .toList())
                .as("the --rm one-off was gone already")
                .containsExactly(" Container " + detached.out().strip() + "  Removed");
    }

    /** Ctrl-C during an attached {@code run --rm}: exit 130, and the engine stops and removes the one-off. */
    private void assertInterruptedRunStopsAndRemovesTheOneOff() throws Exception {
        String name = project + "-long";
        StringWriter out = new StringWriter();
        int[] exit = {-1};
        Thread run = Thread.ofPlatform()
                .start(() -> exit[0] = Main.execute(
                        new String[] {
                            "-p",
                            project,
                            "--progress",
                            "quiet",
                            "run",
                            "--rm",
                            "--no-deps",
                            "--name",
                            name,
                            "svc",
                            "sh",
                            "-c",
                            "echo started; exec sleep 600"
                        },
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter(), true),
                        sandbox.environment()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!out.toString().contains("started") && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
        assertThat(out.toString()).isEqualTo("started\n");
        run.interrupt();
        run.join(Duration.ofSeconds(30));
        assertThat(run.isAlive()).isFalse();
        assertThat(exit[0]).isEqualTo(130);
        // removed once the name is free again: a second one-off may take it (the stop waits out the
        // grace period first, so the bound counts from the interrupt, not from the start)
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        EngineSandbox.Run again =
                cli("-p", project, "--progress", "quiet", "run", "--rm", "--no-deps", "--name", name, "svc", "true");
        while (again.exit() != 0 && again.err().contains("already in use") && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000);
            again = cli(
                    "-p", project, "--progress", "quiet", "run", "--rm", "--no-deps", "--name", name, "svc", "true");
        }
        if (again.exit() != 0) {
            // what held the name: the one-off's state and what the engine said meanwhile
            EngineSandbox.Run ps = cli("-p", project, "ps", "-a", "--no-trunc");
            java.nio.file.Path log = sandbox.dir.resolve("run/engine/engine.log");
            String engineLog = Files.exists(log) ? Files.readString(log) : "(no engine log)";
            assertThat(again.exit())
                    .as(again.err() + "\nps -a:\n" + ps.out() + ps.err() + "\nengine log:\n"
                            + engineLog.substring(Math.max(0, engineLog.length() - 4000)))
                    .isZero();
        }
    }
}
