package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.LogOptions;
import dev.jcompose.api.LogRecord;
import dev.jcompose.api.PortBinding;
import dev.jcompose.api.StackEvent;
import dev.jcompose.api.UpOptions;
import dev.jcompose.policy.PullPolicy;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags to {@link dev.jcompose.api.ComposeService} calls, output and exit codes, on a recording service. */
class CommandsTest {
    static final String COMPOSE = """
            name: demo
            services:
              web:
                image: busybox:1.36
                ports: ["127.0.0.1:8080:80"]
              db:
                image: busybox:1.36
            """;

    @TempDir
    Path dir;

    final RecordingCompose compose = new RecordingCompose();

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void project() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
    }

    /** What the CLI reads as its standard input. */
    byte[] stdin = new byte[0];

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main main = new Main(
                new Main.Environment(
                        Map.of("HOME", "/nonexistent", "FOO", "from-env"), dir, new ByteArrayInputStream(stdin)),
                (env, notices) -> compose.backend(),
                CLOCK);
        int exit = Main.execute(main, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void upDetachedMapsEveryFlag() {
        Run r = run(
                "--progress",
                "quiet",
                "up",
                "-d",
                "--wait",
                "--wait-timeout",
                "30",
                "--scale",
                "web=2",
                "--pull",
                "never",
                "-t",
                "3",
                "--no-deps",
                "--force-recreate",
                "--remove-orphans",
                "web");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(compose.calls).containsExactly("up demo");
        assertThat(compose.arguments.getFirst())
                .isEqualTo(new UpOptions(
                                List.of("web"),
                                true,
                                true,
                                false,
                                true,
                                new TreeMap<>(Map.of("web", 2)),
                                PullPolicy.NEVER,
                                false,
                                true,
                                Duration.ofSeconds(30),
                                Duration.ofSeconds(3))
                        .withOrigin(
                                List.of(dir.toAbsolutePath()
                                        .normalize()
                                        .resolve("compose.yaml")
                                        .toString()),
                                dir.toAbsolutePath().normalize().toString()));
    }

    @Test
    void upPrintsProgressLinesInPlainMode() {
        compose.events =
                List.of(StackEvent.container("demo-web-1", "Starting"), StackEvent.container("demo-web-1", "Started"));
        Run r = run("--progress", "plain", "up", "-d");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(" Container demo-web-1  Starting\n Container demo-web-1  Started\n");
    }

    @Test
    void upRejectsIncompatibleFlagsWithExit16() {
        Run r = run("up", "-d", "--abort-on-container-exit");
        assertThat(r.exit()).isEqualTo(16);
        assertThat(r.err())
                .startsWith(
                        "--abort-on-container-exit, --abort-on-container-failure and --exit-code-from need an attached up");
        assertThat(run("up", "--scale", "nope=2").err()).startsWith("--scale: no such service \"nope\"");
        assertThat(run("up", "--scale", "web").exit()).isEqualTo(16);
        assertThat(run("up", "--pull", "sometimes").err()).startsWith("invalid --pull value \"sometimes\"");
        assertThat(run("up", "--force-recreate", "--no-recreate").exit()).isEqualTo(16);
        assertThat(run("up", "--exit-code-from", "nope").exit()).isEqualTo(16);
        assertThat(compose.calls).isEmpty();
    }

    @Test
    void createIsUpWithoutStart() {
        assertThat(run("--progress", "quiet", "create").exit()).isZero();
        assertThat(((UpOptions) compose.arguments.getFirst()).noStart()).isTrue();
    }

    @Test
    void downMapsFlagsAndRmi() {
        assertThat(run("--progress", "quiet", "down", "-v", "--remove-orphans", "-t", "4")
                        .exit())
                .isZero();
        assertThat(compose.calls).containsExactly("down demo with model");
        assertThat(compose.arguments.getFirst()).isEqualTo(new DownOptions(true, true, Duration.ofSeconds(4)));
        assertThat(run("--progress", "quiet", "down", "--rmi", "local").exit()).isZero();
        assertThat(compose.arguments.getLast()).isEqualTo(new DownOptions(false, false, null, "local"));
        Run rmi = run("down", "--rmi", "some");
        assertThat(rmi.exit()).isEqualTo(16);
        assertThat(rmi.err()).startsWith("invalid value for --rmi: \"some\"");
    }

    @Test
    void downWithoutComposeFileUsesProjectNameAndLabels(@TempDir Path elsewhere) {
        StringWriter err = new StringWriter();
        Main main = new Main(
                new Main.Environment(Map.of(), elsewhere, new ByteArrayInputStream(new byte[0])),
                (env, notices) -> compose.backend());
        int exit = Main.execute(
                main,
                new String[] {"-p", "other", "--progress", "quiet", "down"},
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();
        assertThat(compose.calls).containsExactly("down other by labels");
    }

    /** The CLI's fixed clock: ps counts from it. */
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    static final dev.jcompose.host.Clock CLOCK = new dev.jcompose.host.Clock() {
        @Override
        public Instant now() {
            return NOW;
        }

        @Override
        public long nanoTime() {
            return 0;
        }
    };

    /** Created 2 minutes ago, started a minute ago; an exited one exited 30 seconds ago. */
    static ContainerSummary container(String service, String state, int exit) {
        boolean running = state.equals("running");
        return new ContainerSummary(
                "id-" + service,
                "demo-" + service + "-1",
                "demo",
                service,
                1,
                "busybox:1.36",
                "httpd -f",
                ContainerState.parse(state),
                Health.NONE,
                exit,
                service.equals("web") ? List.of(new PortBinding("127.0.0.1", 8080, 80, "tcp")) : List.of(),
                NOW.minusSeconds(120),
                NOW.minusSeconds(60),
                running ? null : NOW.minusSeconds(30),
                new java.util.TreeMap<>(Map.of("com.docker.compose.service", service)),
                new java.util.TreeMap<>(Map.of("demo_default", "172.18.0.2")));
    }

    @Test
    void configListingsAndOtherServicesDoNotNeedAServicesMissingEnvFile() throws IOException {
        Files.writeString(
                dir.resolve("compose.yaml"), COMPOSE + "  broken:\n    image: a\n    env_file: missing.env\n");
        assertThat(run("config", "--services").out()).isEqualTo("broken\ndb\nweb\n");
        assertThat(run("config", "--volumes").exit()).isZero();
        assertThat(run("config", "web").exit()).isZero();
        Run all = run("config");
        assertThat(all.exit()).isEqualTo(14);
        assertThat(all.err()).contains("missing.env");
    }

    @Test
    void psTableQuietServicesJsonAndStatusFilter() {
        compose.containers = List.of(container("db", "exited", 3), container("web", "running", 0));
        assertThat(run("ps").out()).isEqualTo("""
                NAME         IMAGE          COMMAND      SERVICE   CREATED         STATUS                      PORTS
                demo-db-1    busybox:1.36   "httpd -f"   db        2 minutes ago   Exited (3) 30 seconds ago  \s
                demo-web-1   busybox:1.36   "httpd -f"   web       2 minutes ago   Up About a minute           127.0.0.1:8080->80/tcp
                """);
        assertThat(compose.calls).containsExactly("ps demo all=false");
        assertThat(run("ps", "-q").out()).isEqualTo("id-db\nid-web\n");
        assertThat(run("ps", "--services", "web").out()).isEqualTo("web\n");
        assertThat(run("ps", "--status", "running", "-q").out()).isEqualTo("id-web\n");
        assertThat(run("ps", "--format", "json", "web").out())
                .isEqualTo("{\"Command\":\"\\\"httpd -f\\\"\","
                        + "\"CreatedAt\":\"2026-01-02 03:02:05 +0000 UTC\",\"ExitCode\":0,\"Health\":\"\",\"ID\":\"id-web\","
                        + "\"Image\":\"busybox:1.36\",\"Labels\":\"com.docker.compose.service=web\",\"LocalVolumes\":\"0\","
                        + "\"Mounts\":\"\",\"Name\":\"demo-web-1\","
                        + "\"Names\":\"demo-web-1\",\"Networks\":\"demo_default\",\"Ports\":\"127.0.0.1:8080->80/tcp\","
                        + "\"Project\":\"demo\",\"Publishers\":[{\"URL\":\"127.0.0.1\",\"TargetPort\":80,\"PublishedPort\":8080,"
                        + "\"Protocol\":\"tcp\"}],\"RunningFor\":\"2 minutes ago\",\"Service\":\"web\",\"Size\":\"0B\","
                        + "\"State\":\"running\","
                        + "\"Status\":\"Up About a minute\"}\n");
        assertThat(run("ps", "--status", "sleepy").exit()).isEqualTo(16);
        assertThat(run("ps", "--format", "yaml").exit()).isEqualTo(16);
    }

    /** docker compose: ps, pause and events refuse a service the file does not define (exit 1, nothing called). */
    @Test
    void unknownServicesAreRefusedBeforeTheEngineIsAsked() {
        for (String[] args : List.of(
                new String[] {"ps", "nope"},
                new String[] {"pause", "nope"},
                new String[] {"unpause", "nope"},
                new String[] {"stop", "nope"},
                new String[] {"top", "nope"},
                new String[] {"events", "nope"},
                new String[] {"exec", "nope", "true"},
                new String[] {"port", "nope", "80"})) {
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("no such service: nope");
        }
        assertThat(compose.calls).isEmpty();
    }

    @Test
    void psAllListsTheOneOffsAfterTheServices() {
        compose.containers = List.of(container("web", "exited", 0));
        ContainerSummary web = container("web", "running", 0);
        compose.oneOffs = List.of(new ContainerSummary(
                "id-run",
                "demo-web-run-0123456789ab",
                "demo",
                "web",
                0,
                web.image(),
                web.command(),
                web.state(),
                web.health(),
                0,
                List.of(),
                web.created(),
                web.started(),
                web.finished(),
                web.labels(),
                web.addresses(),
                ""));
        assertThat(run("ps", "-a", "-q").out()).isEqualTo("id-web\nid-run\n");
        assertThat(run("ps", "--status", "running", "-q").out()).isEqualTo("id-run\n");
        assertThat(run("ps", "-q").out()).isEqualTo("id-web\n");
        assertThat(compose.calls)
                .containsExactly(
                        "ps demo all=true", "oneOffs demo", "ps demo all=true", "oneOffs demo", "ps demo all=false");
    }

    @Test
    void logsMapsFlagsAndPrefixesLines() {
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        compose.containers = List.of(container("db", "running", 0), container("web", "running", 0));
        compose.logs = List.of(
                new LogRecord("demo-web-1", "web", t, false, "hello"),
                new LogRecord("demo-db-1", "db", t, true, "oops"));
        Run r = run(
                "--ansi", "never", "logs", "-f", "--tail", "5", "-t", "--since", "2026-01-01T00:00:00Z", "web", "db");
        assertThat(r.exit()).isZero();
        assertThat(compose.arguments.get(1))
                .isEqualTo(new LogOptions(List.of("web", "db"), true, 5, true, Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(r.out()).isEqualTo("web-1  | 2026-01-02T03:04:05.000000000Z hello\n");
        assertThat(compose.calls).containsExactly("ps demo all=true", "logs demo");
        assertThat(r.err()).isEqualTo("db-1   | 2026-01-02T03:04:05.000000000Z oops\n");
        assertThat(run("--ansi", "never", "logs", "--no-log-prefix").out()).isEqualTo("hello\n");
        assertThat(run("logs", "--tail", "many").exit()).isEqualTo(16);
    }

    @Test
    void logsSinceAcceptsDurationsAndUnixTime() {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        assertThat(LogsCommand.since("42m", now)).isEqualTo(Instant.parse("2026-01-02T02:22:05Z"));
        assertThat(LogsCommand.since("1700000000", now)).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
        assertThat(LogsCommand.since(null, now)).isNull();
    }

    /**
     * A stand-in for runc: prints its arguments (but the runtime log's options) and the process
     * file, copies stdin, exits 7.
     */
    static final String FAKE_RUNTIME = """
            #!/bin/sh
            if [ "$3" = --log ] && [ "$5" = --log-format ]; then set -- "$1" "$2" "$7" "$8" "$9" "${10}"; fi
            echo "$1 $2 $3 $4 $6"
            cat "$5"; echo
            printf 'stdin: '; cat
            echo err >&2
            exit 7
            """;

    private dev.jcompose.container.ExecRecipe fakeRecipe(String script, boolean detach) throws IOException {
        Path runtime = Files.writeString(dir.resolve("fake-runc"), script);
        runtime.toFile().setExecutable(true);
        Files.createDirectories(dir.resolve("state"));
        return new dev.jcompose.container.ExecRecipe(
                runtime.toString(),
                "/run/j/runc",
                "cid",
                "demo-web-2",
                "{\"args\":[\"sh\"]}",
                dir.resolve("state").toString(),
                false,
                detach);
    }

    @Test
    void execRunsTheRecipeWithStdinAndPassesExitCodeAndOutput() throws IOException {
        compose.execRecipe = fakeRecipe(FAKE_RUNTIME, false);
        stdin = "piped\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Run r = run(
                "exec", "-T", "-e", "A=1", "-e", "FOO", "-w", "/tmp", "-u", "nobody", "--index", "2", "web", "sh", "-c",
                "exit 7");
        assertThat(r.exit()).isEqualTo(7);
        assertThat(r.out()).isEqualTo("--root /run/j/runc exec --process cid\n{\"args\":[\"sh\"]}\nstdin: piped\n");
        assertThat(r.err()).isEqualTo("err\n");
        assertThat(compose.calls).containsExactly("execRecipe demo tty=false detach=false");
        assertThat(compose.arguments.getFirst())
                .isEqualTo(new ExecOptions(
                        "web",
                        2,
                        List.of("sh", "-c", "exit 7"),
                        "nobody",
                        "/tmp",
                        Map.of("A", "1", "FOO", "from-env")));
        try (var files = Files.list(dir.resolve("state"))) {
            assertThat(files).as("the process file is removed").isEmpty();
        }
    }

    @Test
    void execWithoutInteractiveGivesTheProcessNoInput() throws IOException {
        compose.execRecipe = fakeRecipe(FAKE_RUNTIME, false);
        stdin = "not for it\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Run r = run("exec", "-i=false", "web", "cat");
        assertThat(r.out()).endsWith("stdin: ");
        assertThat(compose.calls).containsExactly("execRecipe demo tty=false detach=false");
        assertThat(((ExecOptions) compose.arguments.getFirst()).index())
                .as("no --index: the engine picks a running replica, else a one-off")
                .isZero();
    }

    @Test
    void execDetachedReturnsAtOnceAndReportsTheRuntimesError() throws IOException {
        compose.execRecipe = fakeRecipe("#!/bin/sh\nexit 0\n", true);
        Run ok = run("exec", "-d", "web", "sleep", "100");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).isEmpty();
        assertThat(compose.calls).containsExactly("execRecipe demo tty=false detach=true");

        compose.execRecipe = fakeRecipe("""
                #!/bin/sh
                echo '{"level":"error","msg":"exec failed: no such file: nope"}' > "$4"
                exit 1
                """, true);
        Run failed = run("exec", "-d", "web", "nope");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err())
                .startsWith("cannot start the command in container demo-web-2: exec failed: no such file: nope");
        try (var files = Files.list(dir.resolve("state"))) {
            assertThat(files).as("the process file and runtime log are removed").isEmpty();
        }
    }

    @Test
    void execStopsParsingAtTheCommand() throws IOException {
        compose.execRecipe = fakeRecipe("#!/bin/sh\nexit 0\n", false);
        assertThat(run("exec", "web", "ls", "-la").exit()).isZero();
        assertThat(((ExecOptions) compose.arguments.getFirst()).command()).containsExactly("ls", "-la");
    }

    @Test
    void lifecycleCommands() {
        run("--progress", "quiet", "start", "web");
        run("--progress", "quiet", "stop", "-t", "2");
        run("--progress", "quiet", "restart", "db");
        run("--progress", "quiet", "kill", "-s", "SIGTERM", "web");
        run("--progress", "quiet", "pause");
        run("--progress", "quiet", "unpause");
        run("--progress", "quiet", "rm", "-f", "-s", "-v", "db");
        assertThat(compose.calls)
                .containsExactly(
                        "start demo [web]",
                        "stop demo [] PT2S",
                        "restart demo [db] null",
                        "kill demo [web] SIGTERM",
                        "pause demo []",
                        "unpause demo []",
                        "stop demo [db] null",
                        "rm demo [db] volumes=true");
    }

    @Test
    void portTopImagesPull() {
        assertThat(run("port", "web", "80").out()).isEqualTo("127.0.0.1:8080\n");
        compose.containers = List.of(container("web", "running", 0));
        Run missing = run("port", "web", "81");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).startsWith("no port 81/tcp for container demo-web-1: 80/tcp");
        assertThat(run("top").out()).isEqualTo("""
                demo-web-1
                UID       PID       PPID      C         STIME     TTY       TIME       CMD
                root      1201      1190      0         2025      ?         00:00:03   httpd -f
                nobody    1207      1201      2         2025      pts/0     00:00:00   sh

                """);
        assertThat(run("images").out()).isEqualTo("""
                CONTAINER    REPOSITORY   TAG       IMAGE ID       SIZE
                demo-web-1   busybox      1.36      e72ca41ec402   1.03MB
                """);
        assertThat(run("images", "-q", "web").out()).isEqualTo("e72ca41ec402\n");
        assertThat(compose.calls).contains("images demo [web]");
        assertThat(run("--progress", "quiet", "pull", "web").exit()).isZero();
        assertThat(compose.calls).contains("pull demo [web]");
    }

    @Test
    void runMapsEveryFlagAttachesAndPassesTheExitCode() throws Exception {
        assumeTrue(FakeConmon.available(), "python3 is not installed");
        try (FakeConmon conmon = FakeConmon.start(dir.resolve("bundle"))) {
            compose.oneOffAttach = new dev.jcompose.api.OneOffAttach(
                    "once", dir.resolve("bundle").toString(), true, false);
            compose.oneOffExit = 4;
            stdin = "piped".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Run r = run(
                    "--progress",
                    "quiet",
                    "run",
                    "--rm",
                    "-T",
                    "-e",
                    "A=1",
                    "-e",
                    "FOO",
                    "--entrypoint",
                    "env -i 'B=x y'",
                    "--no-deps",
                    "-p",
                    "9090:90",
                    "--name",
                    "once",
                    "-w",
                    "/tmp",
                    "-u",
                    "nobody",
                    "web",
                    "sh",
                    "-c",
                    "exit 4");
            assertThat(r.exit()).as(r.err()).isEqualTo(4);
            assertThat(r.out()).isEqualTo("hi\ngot:piped");
            assertThat(r.err()).isEqualTo("oops\n");
            assertThat(compose.calls).containsExactly("createOneOff demo", "startOneOff demo once remove=true");
            assertThat(compose.arguments.getFirst())
                    .isEqualTo(new dev.jcompose.api.RunOptions(
                            "web",
                            List.of("sh", "-c", "exit 4"),
                            List.of("env", "-i", "B=x y"),
                            Map.of("A", "1", "FOO", "from-env"),
                            List.of("9090:90"),
                            false,
                            "once",
                            "/tmp",
                            "nobody",
                            true,
                            false,
                            true,
                            true,
                            false));
        }
    }

    @Test
    void runNamesTheOneOffLikeComposeAndDetachedPrintsIt() {
        Run r = run("--progress", "quiet", "run", "-d", "web");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("demo-web-run-0123456789ab\n");
        dev.jcompose.api.RunOptions o = (dev.jcompose.api.RunOptions) compose.arguments.getFirst();
        assertThat(o.name()).matches("demo-web-run-[0-9a-f]{12}");
        assertThat(o.command()).isEmpty();
        assertThat(o.entrypoint()).isNull();
        assertThat(o.detach()).isTrue();
    }

    @Test
    void interactionFollowsComposeDefaults() {
        // flags: noTty, interactive, detach; streams: terminal, processStdio
        assertThat(Interaction.decide(false, true, false, true, true)).isEqualTo(new Interaction(true, true));
        assertThat(Interaction.decide(true, true, false, true, true)).as("-T").isEqualTo(new Interaction(false, true));
        assertThat(Interaction.decide(false, true, false, false, true))
                .as("piped")
                .isEqualTo(new Interaction(false, true));
        assertThat(Interaction.decide(false, false, false, true, true))
                .as("-i=false")
                .isEqualTo(new Interaction(false, false));
        assertThat(Interaction.decide(false, true, true, true, true)).as("-d").isEqualTo(new Interaction(false, false));
        assertThat(Interaction.decide(false, true, false, true, false))
                .as("in-memory streams")
                .isEqualTo(new Interaction(false, true));
    }

    @Test
    void execAndRunFlagDefaults() {
        RunCommand run = new picocli.CommandLine(new RunCommand())
                .parseArgs("web")
                .asCommandLineList()
                .get(0)
                .getCommand();
        assertThat(run.interactive).isTrue();
        assertThat(run.noTty).isFalse();
        ExecCommand exec = new picocli.CommandLine(new ExecCommand())
                .parseArgs("-T", "--no-interactive", "web", "sh")
                .asCommandLineList()
                .get(0)
                .getCommand();
        assertThat(exec.interactive).isFalse();
        assertThat(exec.noTty).isTrue();
        ExecCommand explicit = new picocli.CommandLine(new ExecCommand())
                .parseArgs("-i", "web", "sh")
                .asCommandLineList()
                .get(0)
                .getCommand();
        assertThat(explicit.interactive).isTrue();
    }

    @Test
    void badDisplayFlagsAreUsageErrors() {
        Run r = run("--progress", "fancy", "down");
        assertThat(r.exit()).isEqualTo(16);
        assertThat(r.err())
                .startsWith("unsupported --progress value 'fancy': expected one of auto, tty, plain, json, quiet");
        assertThat(run("--ansi", "sometimes", "ps").exit()).isZero(); // ps draws no progress: --ansi unused
    }

    @Test
    void waitReturnsTheFirstExitCode() {
        compose.containers = List.of(container("db", "exited", 3), container("web", "running", 0));
        Run r = run("wait", "db");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEqualTo("3\n");
    }

    @Test
    void eventsPrintsComposesJsonLines() {
        compose.containerEvents = List.of(new dev.jcompose.api.ContainerEvent(
                Instant.parse("2026-01-02T03:04:05Z"),
                "container",
                "start",
                "abc",
                "web",
                new TreeMap<>(Map.of("image", "busybox:1.36", "name", "demo-web-1"))));
        Run r = run("events", "--json", "web");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(compose.calls).containsExactly("events demo [web]");
        assertThat(r.out())
                .isEqualTo("{\"time\":\"2026-01-02T03:04:05.000000000Z\",\"type\":\"container\",\"action\":"
                        + "\"start\",\"id\":\"abc\",\"service\":\"web\",\"attributes\":{\"image\":\"busybox:1.36\","
                        + "\"name\":\"demo-web-1\"}}\n");
    }

    @Test
    void eventsPrintsTextByDefault() {
        compose.containerEvents = List.of(new dev.jcompose.api.ContainerEvent(
                Instant.parse("2026-01-02T03:04:05Z"),
                "container",
                "stop",
                "abc",
                "web",
                new TreeMap<>(Map.of("image", "busybox:1.36", "name", "demo-web-1"))));
        Run r = run("events");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(compose.calls).containsExactly("events demo []");
        assertThat(r.out())
                .isEqualTo("2026-01-02T03:04:05.000000000Z container stop abc (image=busybox:1.36, name=demo-web-1)\n");
    }
}
