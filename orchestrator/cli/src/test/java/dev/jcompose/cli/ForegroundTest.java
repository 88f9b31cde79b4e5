package dev.jcompose.cli;

import static dev.jcompose.cli.CommandsTest.container;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.LogRecord;
import dev.jcompose.console.LogFormat;
import dev.jcompose.console.LogPrinter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The attached up's watch: exit lines, the end when all exited, aborts and --exit-code-from. */
class ForegroundTest {
    final RecordingCompose compose = new RecordingCompose();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(boolean abortOnExit, boolean abortOnFailure, String exitCodeFrom) {
        DisplayFlags quiet = new DisplayFlags();
        quiet.progress = "quiet";
        LogPrinter printer = new LogPrinter(
                new PrintWriter(out, true), new PrintWriter(err, true), new LogFormat(false, true, false));
        Foreground.Settings settings = new Foreground.Settings(
                "demo",
                List.of(),
                abortOnExit,
                abortOnFailure,
                exitCodeFrom,
                Instant.EPOCH,
                false,
                Duration.ofSeconds(1),
                List.of());
        return new Foreground(
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
                .run();
    }

    @Test
    void endsWhenEveryContainerExitedAndPrintsTheirOutput() {
        compose.logs = List.of(new LogRecord("demo-web-1", "web", Instant.EPOCH, false, "hi"));
        compose.psScript.add(List.of(container("db", "running", 0), container("web", "running", 0)));
        compose.psScript.add(List.of(container("db", "exited", 0), container("web", "running", 0)));
        compose.psScript.add(List.of(container("db", "exited", 0), container("web", "exited", 2)));
        assertThat(run(false, false, null)).isZero();
        assertThat(err.toString()).isEqualTo("Attaching to db-1, web-1\n");
        // the output thread and the watch run concurrently: only each one's own order is fixed
        assertThat(out.toString().lines().toList())
                .containsExactlyInAnyOrder("web-1  | hi", "db-1 exited with code 0", "web-1 exited with code 2")
                .containsSubsequence("db-1 exited with code 0", "web-1 exited with code 2");
        assertThat(compose.calls).doesNotContain("stop demo [] PT1S");
    }

    @Test
    void abortOnContainerExitStopsTheProjectWithThatExitCode() {
        compose.psScript.add(List.of(container("db", "running", 0), container("web", "running", 0)));
        compose.psScript.add(List.of(container("db", "exited", 4), container("web", "running", 0)));
        assertThat(run(true, false, null)).isEqualTo(4);
        assertThat(out.toString()).isEqualTo("db-1 exited with code 4\nAborting on container exit...\n");
        assertThat(compose.calls).contains("stop demo [] PT1S");
    }

    @Test
    void abortOnFailureIgnoresCleanExitsAndExitCodeFromPicksTheService() {
        compose.psScript.add(List.of(container("db", "running", 0), container("web", "running", 0)));
        compose.psScript.add(List.of(container("db", "exited", 0), container("web", "running", 0)));
        compose.psScript.add(List.of(container("db", "exited", 0), container("web", "exited", 9)));
        assertThat(run(false, true, null)).isEqualTo(9);
        assertThat(out.toString())
                .isEqualTo("db-1 exited with code 0\nweb-1 exited with code 9\nAborting on container exit...\n");

        compose.psScript.clear();
        compose.psScript.add(List.of(container("db", "running", 0), container("web", "exited", 5)));
        compose.psScript.add(List.of(container("db", "running", 0), container("web", "exited", 5)));
        assertThat(run(true, false, "db"))
                .as("db's code, once known after the abort")
                .isZero();
    }

    @Test
    void firstInterruptStopsGracefullyWith130() {
        compose.containers = List.of(container("web", "running", 0));
        Foreground[] self = new Foreground[1];
        DisplayFlags quiet = new DisplayFlags();
        quiet.progress = "quiet";
        LogPrinter printer = new LogPrinter(
                new PrintWriter(out, true), new PrintWriter(err, true), new LogFormat(false, true, false));
        self[0] = new Foreground(
                compose,
                new Foreground.Settings("demo", List.of(), false, false, null, Instant.EPOCH, false, null, List.of()),
                printer,
                title -> new ProgressOutput(
                        new PrintWriter(new StringWriter()), dev.jcompose.host.Clock.system(), quiet, false, title),
                new ProcessSignals());
        self[0].interrupted();
        assertThat(self[0].run()).isEqualTo(130);
        assertThat(err.toString()).endsWith("Gracefully stopping... (press Ctrl+C again to force)\n");
        assertThat(compose.calls).contains("stop demo [] null");
    }
}
