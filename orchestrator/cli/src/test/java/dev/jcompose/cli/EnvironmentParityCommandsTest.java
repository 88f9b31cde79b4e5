package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.LogRecord;
import dev.jcompose.api.RunOptions;
import dev.jcompose.api.UpOptions;
import dev.jcompose.model.ServiceVolume;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environment, loader and command-line parity with docker compose's e2e tests (issue 14), on a
 * recording service: what reaches the engine for {@code run -e VAR}, {@code --env-from-file},
 * {@code run -v}, {@code scale}, {@code down SERVICE}, {@code logs --index}, {@code --compatibility},
 * and which commands a missing {@code env_file} of another service leaves working.
 */
class EnvironmentParityCommandsTest {
    static final String COMPOSE = """
            name: demo
            services:
              web:
                image: busybox:1.36
                depends_on: [db]
              db:
                image: busybox:1.36
              broken:
                image: busybox:1.36
                env_file: [/doesnotexist/.env]
            """;

    @TempDir
    Path dir;

    final RecordingCompose compose = new RecordingCompose();
    final Map<String, String> shell = new HashMap<>(Map.of("HOME", "/nonexistent"));

    record Run(int exit, String out, String err) {}

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main main = new Main(
                new Main.Environment(Map.copyOf(shell), dir, new ByteArrayInputStream(new byte[0])),
                (env, notices) -> compose.backend(),
                CommandsTest.CLOCK);
        int exit = Main.execute(main, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    RunOptions runOptions(String... args) {
        compose.calls.clear();
        compose.arguments.clear();
        Run r = run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(compose.calls).containsExactly("run demo");
        return (RunOptions) compose.arguments.getFirst();
    }

    @Test
    void runEnvWithoutValueResolvesShellThenEnvFilesLikeComposeTestEnvPriority() throws IOException {
        write("compose.yaml", COMPOSE);
        write(".env", "WHEREAMI=Env File\n");
        write(".env.override", "WHEREAMI=override\n");
        write(".env.default", "WHEREAMI=${WHEREAMI:-EnvFileDefaultValue}\n");
        write(".env.empty", "");
        assertThat(runOptions("run", "-d", "-e", "WHEREAMI", "web").environment())
                .containsEntry("WHEREAMI", "Env File");
        assertThat(runOptions("--env-file", ".env.override", "run", "-d", "-e", "WHEREAMI", "web")
                        .environment())
                .containsEntry("WHEREAMI", "override");
        assertThat(runOptions("--env-file", ".env.default", "run", "-d", "-e", "WHEREAMI", "web")
                        .environment())
                .containsEntry("WHEREAMI", "EnvFileDefaultValue");
        assertThat(runOptions("--env-file", ".env.empty", "run", "-d", "-e", "WHEREAMI", "web")
                        .environment())
                .as("nothing sets it: left out, so the image's ENV stays")
                .doesNotContainKey("WHEREAMI");
        assertThat(runOptions("--env-file", ".env.override", "run", "-d", "-e", "WHEREAMI=shell-run", "web")
                        .environment())
                .containsEntry("WHEREAMI", "shell-run");
        shell.put("COMPOSE_ENV_FILES", dir.resolve(".env.default").toString());
        assertThat(runOptions("run", "-d", "-e", "WHEREAMI", "web").environment())
                .containsEntry("WHEREAMI", "EnvFileDefaultValue");
        shell.put("WHEREAMI", "shell");
        assertThat(runOptions("--env-file", ".env.override", "run", "-d", "-e", "WHEREAMI", "web")
                        .environment())
                .containsEntry("WHEREAMI", "shell");
        assertThat(runOptions("--env-file", ".env.default", "run", "-d", "-e", "WHEREAMI", "web")
                        .environment())
                .containsEntry("WHEREAMI", "shell");
    }

    @Test
    void runEnvFromFileAddsWhatEnvDoesNotSetAndVolumesMountLikeComposeTestComposeRun() throws IOException {
        write("compose.yaml", COMPOSE);
        write("run.env", "FOO=BAR\nKEPT=file\n");
        RunOptions o = runOptions(
                "run",
                "-d",
                "-e",
                "KEPT=flag",
                "--env-from-file",
                "run.env",
                "--volumes",
                dir + ":/foo",
                "-v",
                "./data:/data:ro",
                "--volume",
                "/cache",
                "web");
        assertThat(o.environment()).containsEntry("FOO", "BAR").containsEntry("KEPT", "flag");
        assertThat(o.volumes())
                .extracting(ServiceVolume::type, ServiceVolume::source, ServiceVolume::target, ServiceVolume::readOnly)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bind", dir.toString(), "/foo", false),
                        org.assertj.core.groups.Tuple.tuple(
                                "bind", dir.resolve("data").toString(), "/data", true),
                        org.assertj.core.groups.Tuple.tuple("volume", null, "/cache", false));
        Run bad = run("run", "-d", "-v", "./data:relative", "web");
        assertThat(bad.exit()).isEqualTo(16);
        assertThat(bad.err()).startsWith("invalid volume specification \"./data:relative\"");
    }

    @Test
    void aMissingEnvFileFailsOnlyTheCommandsThatNeedItLikeComposeTestUnusedMissingEnvFile() throws IOException {
        write("compose.yaml", COMPOSE);
        for (String[] args : List.of(
                new String[] {"ps"},
                new String[] {"logs"},
                new String[] {"--progress", "quiet", "up", "-d", "web"},
                new String[] {"--progress", "quiet", "scale", "web=2"},
                new String[] {"--progress", "quiet", "down"},
                new String[] {"config", "--hash", "web"})) {
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
        }
        for (String[] args : List.of(
                new String[] {"--progress", "quiet", "up", "-d"},
                new String[] {"--progress", "quiet", "scale", "broken=1"},
                new String[] {"config", "--hash", "broken"})) {
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(14);
            assertThat(r.err()).contains("env file /doesnotexist/.env not found");
        }
    }

    @Test
    void scaleIsADetachedUpOfTheNamedServicesWithTheirCounts() throws IOException {
        write("compose.yaml", COMPOSE);
        Run r = run("--progress", "quiet", "scale", "--no-deps", "web=3", "db=0");
        assertThat(r.exit()).as(r.err()).isZero();
        UpOptions o = (UpOptions) compose.arguments.getLast();
        assertThat(o.services()).containsExactly("db", "web");
        assertThat(o.noDeps()).isTrue();
        assertThat(o.scale()).containsExactly(Map.entry("db", 0), Map.entry("web", 3));
        assertThat(o.noStart()).isFalse();
        assertThat(run("scale", "web").exit()).isEqualTo(16);
        assertThat(run("scale").exit()).isEqualTo(16);
    }

    @Test
    void downOfServicesPassesThemAndRefusesAnUnknownOne() throws IOException {
        write("compose.yaml", COMPOSE);
        Run r = run("--progress", "quiet", "down", "db");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(((DownOptions) compose.arguments.getLast()).services()).containsExactly("db");
        Run unknown = run("--progress", "quiet", "down", "nope");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("no such service: nope");
    }

    @Test
    void logsIndexShowsOneReplica() throws IOException {
        write("compose.yaml", COMPOSE);
        ContainerSummary one = CommandsTest.container("web", "running", 0);
        ContainerSummary two = new ContainerSummary(
                "id-web-2",
                "demo-web-2",
                "demo",
                "web",
                2,
                one.image(),
                one.command(),
                one.state(),
                one.health(),
                0,
                List.of(),
                one.created(),
                one.started(),
                one.finished(),
                one.labels(),
                one.addresses(),
                "");
        compose.containers = List.of(one, two);
        Instant t = CommandsTest.NOW;
        compose.logs = List.of(
                new LogRecord("demo-web-1", "web", t, false, "from one"),
                new LogRecord("demo-web-2", "web", t, false, "from two"));
        Run r = run("--ansi", "never", "logs", "--index", "2", "web");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("web-2  | from two\n");
    }

    @Test
    void upAcceptsMenuAndAttachDependenciesAndCompatibilityNamesTheV1Way() throws IOException {
        write("compose.yaml", COMPOSE);
        Run menu = run("--progress", "quiet", "up", "-d", "--menu=false", "web");
        assertThat(menu.exit()).as(menu.err()).isZero();
        assertThat(((UpOptions) compose.arguments.getLast()).compatibility()).isFalse();
        Run detached = run("up", "-d", "--attach-dependencies", "web");
        assertThat(detached.exit()).isEqualTo(16);
        assertThat(detached.err()).startsWith("--attach-dependencies cannot be combined with --attach, --detach");
        assertThat(UpCommand.withDependencies(
                        dev.jcompose.loader.ProjectLoader.standard(new ByteArrayInputStream(new byte[0]))
                                .load(dev.jcompose.loader.LoadOptions.in(dir).withServiceEnvFiles(false))
                                .project(),
                        List.of("web")))
                .containsExactly("db", "web");

        Run compat = run("--compatibility", "--progress", "quiet", "up", "-d", "web");
        assertThat(compat.exit()).as(compat.err()).isZero();
        assertThat(((UpOptions) compose.arguments.getLast()).compatibility()).isTrue();
        shell.put("COMPOSE_COMPATIBILITY", "true");
        run("--progress", "quiet", "create", "web");
        assertThat(((UpOptions) compose.arguments.getLast()).compatibility()).isTrue();
        assertThat(runOptions("run", "-d", "web").name()).startsWith("demo_web_run_");
    }
}
