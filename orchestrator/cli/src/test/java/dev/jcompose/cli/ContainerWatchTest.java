package dev.jcompose.cli;

import static dev.jcompose.cli.CommandsTest.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.api.ContainerEvent;
import dev.jcompose.console.LogFormat;
import dev.jcompose.console.LogPrinter;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wait} and the attached {@code up} read {@code ps} when the engine reports a container event,
 * not every 200 ms: with a ps that would already say "exited" on its next call, they keep waiting
 * until the event arrives (a poll would have ended them within 200 ms), then read it once.
 */
class ContainerWatchTest {
    /** Three times the old poll interval: a polling watch would have read ps again by then. */
    static final Duration NO_POLL_WINDOW = Duration.ofMillis(600);

    @TempDir
    Path dir;

    final RecordingCompose compose = new RecordingCompose();

    static ContainerEvent die(String service, int code) {
        return new ContainerEvent(
                Instant.EPOCH,
                "container",
                "die",
                "id-" + service,
                service,
                new TreeMap<>(Map.of("name", "demo-" + service + "-1", "exitCode", Integer.toString(code))));
    }

    static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    void waitReadsPsOnceSubscribedThenOnlyAfterAnEventAndEndsWithTheExitCode() throws Exception {
        compose.liveEvents = new LinkedBlockingQueue<>();
        compose.psScript.add(List.of(container("job", "running", 0)));
        compose.psScript.add(List.of(container("job", "exited", 3)));
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> Main.execute(
                new Main(
                        new Main.Environment(
                                Map.of("HOME", "/nonexistent"), dir, new ByteArrayInputStream(new byte[0])),
                        (env, notices) -> compose.backend(),
                        CommandsTest.CLOCK),
                new String[] {"-p", "demo", "wait", "job"},
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true)));
        until(() -> compose.psCalls.get() == 1, "wait's first ps");

        assertThatThrownBy(() -> waiting.get(NO_POLL_WINDOW.toMillis(), TimeUnit.MILLISECONDS))
                .as("no event yet: wait still waits")
                .isInstanceOf(TimeoutException.class);
        assertThat(compose.psCalls.get()).isEqualTo(1);

        compose.liveEvents.add(die("job", 3));

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(out.toString()).isEqualTo("3\n");
        assertThat(compose.psCalls.get()).isEqualTo(2);
        assertThat(compose.calls).startsWith("events demo [job]", "ps demo all=true", "ps demo all=true");
    }

    @Test
    void theAttachedUpReadsPsOnEventsOnly() throws Exception {
        compose.liveEvents = new LinkedBlockingQueue<>();
        compose.psScript.add(List.of(container("web", "running", 0)));
        compose.psScript.add(List.of(container("web", "running", 0)));
        compose.psScript.add(List.of(container("web", "exited", 0)));
        StringWriter out = new StringWriter();
        DisplayFlags quiet = new DisplayFlags();
        quiet.progress = "quiet";
        LogPrinter printer = new LogPrinter(
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                new LogFormat(false, true, false));
        Foreground.Settings settings = new Foreground.Settings(
                "demo", List.of(), false, false, null, Instant.EPOCH, false, Duration.ofSeconds(1), List.of());
        CompletableFuture<Integer> attached = CompletableFuture.supplyAsync(() -> new Foreground(
                        compose,
                        settings,
                        printer,
                        title -> new ProgressOutput(
                                new PrintWriter(new StringWriter()),
                                dev.jcompose.host.Clock.system(),
                                quiet,
                                false,
                                title),
                        new ProcessSignals())
                .run());
        until(() -> compose.psCalls.get() == 2, "the attaching ps and the watch's first one");

        assertThatThrownBy(() -> attached.get(NO_POLL_WINDOW.toMillis(), TimeUnit.MILLISECONDS))
                .as("no event yet: still attached")
                .isInstanceOf(TimeoutException.class);
        assertThat(compose.psCalls.get()).isEqualTo(2);

        compose.liveEvents.add(die("web", 0));

        assertThat(attached.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).isEqualTo("web-1 exited with code 0\n");
        assertThat(compose.psCalls.get()).isEqualTo(3);
    }
}
