package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docker compose's e2e scenarios of lifecycle and data (pkg/e2e: TestLocalComposeVolume,
 * TestUpDependenciesNotStopped, TestLocalComposeLogsFollow, TestInitContainer, TestExec,
 * TestNoDepsNetworkMode/VolumeFrom, TestRemoveOrphans, TestRestartWithDependencies,
 * TestAttachRestart, TestUpWithDependencyExit/NotRequired), written here on busybox:1.36 through
 * the real CLI and engine; each sandbox checks that nothing leaks.
 */
@Tag("root")
class LifecycleParityRootTest {
    private static final Duration SOON = Duration.ofSeconds(30);

    /** Writes {@code compose.yaml} (and files) into a fresh directory of the sandbox's app dir. */
    private static Path project(EngineSandbox box, String name, String yaml) throws IOException {
        Path dir = box.app().resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        box.track(name);
        return dir;
    }

    private static EngineSandbox.Run cli(EngineSandbox box, Path dir, String... args) {
        List<String> argv = new ArrayList<>(List.of(
                "--project-directory", dir.toString(), "-p", dir.getFileName().toString()));
        argv.addAll(List.of(args));
        return box.cli(argv.toArray(String[]::new));
    }

    /** TestLocalComposeVolume: an anonymous volume carries over a recreate, and down -v removes it. */
    @Test
    void anonymousVolumesSurviveForceRecreateAndGoWithDownV() throws Exception {
        EngineSandbox.isolated(box -> {
            Path p = project(box, "vol" + box.tag, """
                    services:
                      app:
                        image: busybox:1.36
                        init: true
                        command: sleep 1000
                        volumes:
                          - /usr/src/app/node_modules
                    """);
            cli(box, p, "up", "-d").assertOk("up");
            cli(box, p, "exec", "-T", "app", "touch", "/usr/src/app/node_modules/test")
                    .assertOk("touch");
            cli(box, p, "up", "-d", "--force-recreate").assertOk("up --force-recreate");
            EngineSandbox.Run ls = cli(box, p, "exec", "-T", "app", "ls", "/usr/src/app/node_modules");
            assertThat(ls.exit()).as(ls.err()).isZero();
            assertThat(ls.out()).isEqualTo("test\n");
            assertThat(box.entries("data/volumes"))
                    .as("one anonymous volume, taken over")
                    .hasSize(1);

            cli(box, p, "down", "-v", "-t", "0").assertOk("down -v");
            assertThat(box.entries("data/volumes"))
                    .as("down -v leaves no volume")
                    .isEmpty();
        });
    }

    /** TestUpDependenciesNotStopped: Ctrl-C on {@code up app} stops app only, not its dependency nor an orphan. */
    @Test
    void ctrlCOnAnAttachedUpStopsOnlyWhatItWasAskedFor() throws Exception {
        EngineSandbox.isolated(box -> {
            Path p = project(box, "deps" + box.tag, """
                    services:
                      dependency:
                        image: busybox:1.36
                        init: true
                        command: sh -c 'while true; do echo hello dependency; sleep 1; done'
                      app:
                        depends_on: [dependency]
                        image: busybox:1.36
                        init: true
                        command: sh -c 'while true; do echo hello app; sleep 1; done'
                    """);
            Files.writeString(p.resolve("orphan.yaml"), """
                    services:
                      orphan:
                        image: busybox:1.36
                        init: true
                        command: sh -c 'while true; do sleep 1; done'
                    """);
            cli(box, p, "-f", p.resolve("orphan.yaml").toString(), "up", "-d", "--wait", "orphan")
                    .assertOk("up orphan");

            Path log = box.dir.resolve("up-app.log");
            ProcessBuilder up = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Main.class.getName(),
                            "--project-directory",
                            p.toString(),
                            "-p",
                            p.getFileName().toString(),
                            "--ansi",
                            "never",
                            "up",
                            "app")
                    .directory(p.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            up.environment().putAll(box.variables());
            Process attached = up.start();
            try {
                assertThat(EngineSandbox.await(SOON, () -> read(log).contains("app-1  | hello app")))
                        .as(read(log))
                        .isTrue();
                EngineSandbox.host("kill", "-INT", Long.toString(attached.pid()));
                assertThat(attached.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(attached.exitValue()).as(read(log)).isEqualTo(130);
            } finally {
                attached.destroyForcibly();
            }
            String name = p.getFileName().toString();
            assertThat(box.ps(name))
                    .extracting(EngineSandbox.Container::name, EngineSandbox.Container::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(name + "-app-1", "exited"),
                            org.assertj.core.groups.Tuple.tuple(name + "-dependency-1", "running"),
                            org.assertj.core.groups.Tuple.tuple(name + "-orphan-1", "running"));
        });
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * TestLocalComposeLogsFollow and TestInitContainer: {@code logs -f} picks up containers started
     * after it (another service, a scaled replica); an attached up shows an init container's lines
     * before its dependent's.
     */
    @Test
    void logsFollowNewContainersAndInitContainerLinesComeFirst() throws Exception {
        EngineSandbox.isolated(box -> {
            Path p = project(box, "logs" + box.tag, """
                    services:
                      ping:
                        image: busybox:1.36
                        init: true
                        command: sh -c 'while true; do echo ping; sleep 1; done'
                      hello:
                        image: busybox:1.36
                        command: echo hello
                        deploy:
                          replicas: 2
                    """);
            cli(box, p, "up", "-d", "ping").assertOk("up ping");
            StringWriter out = new StringWriter();
            int[] exit = {-1};
            String name = p.getFileName().toString();
            Thread follow = Thread.ofPlatform()
                    .start(() -> exit[0] = Main.execute(
                            new String[] {
                                "--project-directory", p.toString(), "-p", name, "--ansi", "never", "logs", "-f"
                            },
                            new PrintWriter(out, true),
                            new PrintWriter(new StringWriter(), true),
                            box.environment()));
            try {
                assertThat(EngineSandbox.await(SOON, () -> logged(out, "ping-1", "ping")))
                        .as(out.toString())
                        .isTrue();
                cli(box, p, "up", "-d").assertOk("up");
                assertThat(EngineSandbox.await(
                                SOON,
                                () -> out.toString().contains("hello-1  | hello")
                                        && out.toString().contains("hello-2  | hello")))
                        .as(out.toString())
                        .isTrue();
                cli(box, p, "up", "-d", "--scale", "ping=2", "ping").assertOk("up --scale");
                assertThat(EngineSandbox.await(SOON, () -> logged(out, "ping-2", "ping")))
                        .as(out.toString())
                        .isTrue();
                assertThat(follow.isAlive()).as("follows while ping runs").isTrue();
            } finally {
                follow.interrupt();
                follow.join(Duration.ofSeconds(10));
            }
            assertThat(exit[0]).isEqualTo(130);
            cli(box, p, "down", "-t", "0").assertOk("down");

            Path init = project(box, "init" + box.tag, """
                    services:
                      foo:
                        image: busybox:1.36
                        command: echo hello
                      bar:
                        image: busybox:1.36
                        command: echo world
                        depends_on:
                          foo:
                            condition: service_completed_successfully
                    """);
            EngineSandbox.Run up = cli(box, init, "--ansi", "never", "up");
            assertThat(up.exit()).as(up.err()).isZero();
            assertThat(up.out().lines().toList())
                    .containsSubsequence("foo-1  | hello", "bar-1  | world")
                    .containsSubsequence("foo-1 exited with code 0", "bar-1 exited with code 0");
            cli(box, init, "down").assertOk("down");
        });
    }

    /** Whether {@code logs} printed {@code text} for {@code container} (its prefix padded to the longest name). */
    private static boolean logged(StringWriter out, String container, String text) {
        return Pattern.compile("(?m)^" + container + " +\\| " + text + "$")
                .matcher(out.toString())
                .find();
    }

    /**
     * TestExec (run -d keeps stdin open), TestNoDepsNetworkMode and TestNoDepsVolumeFrom,
     * TestRemoveOrphans (COMPOSE_REMOVE_ORPHANS in .env, and the warning without it).
     */
    @Test
    void oneOffsDonorsAndOrphans() throws Exception {
        EngineSandbox.isolated(box -> {
            Path exec = project(box, "exec" + box.tag, """
                    services:
                      test:
                        image: busybox:1.36
                        command: tail -f /dev/null
                    """);
            EngineSandbox.Run run = cli(box, exec, "run", "-d", "test", "cat");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(EngineSandbox.await(SOON, () -> catWithOpenStdin(box)))
                    .as("the one-off's cat runs with its stdin held open (a pipe)")
                    .isTrue();
            cli(box, exec, "down", "-t", "0", "--remove-orphans").assertOk("down");

            for (String donor : List.of("network_mode: service:db", "volumes_from: [db]")) {
                Path p = project(box, (donor.startsWith("network") ? "net" : "vf") + box.tag, """
                        services:
                          app:
                            image: busybox:1.36
                            init: true
                            command: sleep 1000
                            %s
                          db:
                            image: busybox:1.36
                            init: true
                            command: sleep 1000
                            volumes: [/var/data]
                        """.formatted(donor));
                cli(box, p, "up", "-d").assertOk("up");
                cli(box, p, "up", "--no-deps", "-d", "app").assertOk("up --no-deps with the donor");
                cli(box, p, "rm", "-s", "-f", "db").assertOk("rm db");
                EngineSandbox.Run noDeps = cli(box, p, "up", "--no-deps", "-d", "app");
                assertThat(noDeps.exit()).isEqualTo(1);
                assertThat(noDeps.err())
                        .contains(
                                donor.startsWith("network")
                                        ? "cannot share network namespace with service db: container missing"
                                        : "cannot share volume with service db: container missing");
                cli(box, p, "down", "-t", "0").assertOk("down");
            }

            Path orphans = project(box, "orph" + box.tag, """
                    services:
                      orphan:
                        profiles: [run]
                        image: busybox:1.36
                        command: echo hello
                      test:
                        image: busybox:1.36
                        init: true
                        command: sleep 1000
                    """);
            EngineSandbox.Run once = cli(box, orphans, "run", "orphan");
            assertThat(once.out()).contains("hello");
            String oneOff = oneOffName(box);
            EngineSandbox.Run warned = cli(box, orphans, "--progress", "plain", "up", "-d");
            assertThat(warned.exit()).as(warned.err()).isZero();
            assertThat(warned.err()).contains("WARN[0000] Found orphan containers (" + oneOff + ") for this project.");
            Files.writeString(orphans.resolve(".env"), "COMPOSE_REMOVE_ORPHANS=true\n");
            EngineSandbox.Run removed = cli(box, orphans, "--progress", "plain", "up", "-d");
            assertThat(removed.exit()).as(removed.err()).isZero();
            assertThat(removed.err())
                    .contains("Container " + oneOff + "  Removed")
                    .doesNotContain("Found orphan");
            assertThat(box.entries("run/containers"))
                    .as("only test's container is left")
                    .hasSize(1);
            cli(box, orphans, "down", "-t", "0").assertOk("down");
        });
    }

    /** A one-off container of the sandbox (the only container there), by its name in the runtime's record. */
    private static String oneOffName(EngineSandbox box) throws IOException {
        List<String> ids = box.entries("run/containers");
        assertThat(ids).hasSize(1);
        String record = Files.readString(
                box.dir.resolve("run/containers").resolve(ids.get(0)).resolve("state.json"));
        Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"").matcher(record);
        assertThat(m.find()).as(record).isTrue();
        return m.group(1);
    }

    /** Whether a container of the sandbox runs {@code cat} with a pipe (held by conmon) as its stdin. */
    private static boolean catWithOpenStdin(EngineSandbox box) {
        try {
            for (String id : box.entries("run/containers")) {
                java.util.Optional<Long> pid = box.pidFile(id, "container.pid");
                if (pid.isEmpty()) {
                    continue;
                }
                Path proc = Path.of("/proc", pid.get().toString());
                String cmdline = Files.readString(proc.resolve("cmdline"))
                        .replace('\0', ' ')
                        .strip();
                if (cmdline.equals("cat")
                        && Files.readSymbolicLink(proc.resolve("fd/0"))
                                .toString()
                                .startsWith("pipe:")) {
                    return true;
                }
            }
            return false;
        } catch (IOException gone) {
            return false;
        }
    }

    /**
     * TestRestartWithDependencies, TestAttachRestart, TestUpWithDependencyExit and
     * TestUpWithDependencyNotRequired.
     */
    @Test
    void restartsAndDependencyFailures() throws Exception {
        EngineSandbox.isolated(box -> {
            Path p = project(box, "rst" + box.tag, """
                    services:
                      with-restart:
                        image: busybox:1.36
                        init: true
                        command: tail -f /dev/null
                        depends_on:
                          nginx: {condition: service_healthy, restart: true}
                      no-restart:
                        image: busybox:1.36
                        init: true
                        command: tail -f /dev/null
                        depends_on:
                          nginx: {condition: service_healthy}
                      nginx:
                        image: busybox:1.36
                        init: true
                        command: sleep 1000
                        healthcheck:
                          test: ["CMD", "true"]
                          interval: 1s
                          timeout: 1s
                          retries: 10
                    """);
            String name = p.getFileName().toString();
            cli(box, p, "up", "-d").assertOk("up");
            EngineSandbox.Run restart = cli(box, p, "--progress", "plain", "restart", "nginx");
            assertThat(restart.exit()).as(restart.err()).isZero();
            assertThat(restart.err())
                    .contains(
                            "Container " + name + "-nginx-1  Restarting",
                            "Container " + name + "-nginx-1  Healthy",
                            "Container " + name + "-with-restart-1  Restarting",
                            "Container " + name + "-with-restart-1  Started")
                    .doesNotContain("no-restart");
            cli(box, p, "down", "-t", "0").assertOk("down");

            Path attach = project(box, "att" + box.tag, """
                    services:
                      failing:
                        image: busybox:1.36
                        command: sh -c "sleep 0.1 && echo world && /bin/false"
                        deploy:
                          restart_policy:
                            condition: on-failure
                            max_attempts: 2
                    """);
            EngineSandbox.Run up = cli(box, attach, "--ansi", "never", "up");
            assertThat(up.exit()).as(up.err()).isZero();
            assertThat(up.out().lines().filter(l -> l.equals("failing-1 exited with code 1")))
                    .as(up.out())
                    .hasSize(3);
            assertThat(up.out().lines().filter(l -> l.equals("failing-1  | world")))
                    .as(up.out())
                    .hasSize(3);
            assertThat(up.err()).doesNotContain("restart_policy");
            cli(box, attach, "down").assertOk("down");

            Path exit = project(box, "dx" + box.tag, """
                    services:
                      web:
                        image: busybox:1.36
                        init: true
                        command: sleep 1000
                        depends_on:
                          db: {condition: service_healthy}
                      db:
                        image: busybox:1.36
                        command: sh -c "exit 1"
                    """);
            EngineSandbox.Run failed = cli(box, exit, "up", "-d");
            assertThat(failed.exit()).isEqualTo(1);
            assertThat(failed.err())
                    .contains("dependency failed to start: container " + exit.getFileName() + "-db-1 exited (1)");
            assertThat(box.ps(exit.getFileName().toString()))
                    .extracting(EngineSandbox.Container::state)
                    .containsExactly("exited", "created");
            cli(box, exit, "down").assertOk("down");

            Path optional = project(box, "opt" + box.tag, """
                    services:
                      foo:
                        image: busybox:1.36
                        command: echo foo
                        depends_on:
                          bar: {required: false, condition: service_healthy}
                      bar:
                        image: busybox:1.36
                        init: true
                        command: sleep 1000
                        profiles: [not-required]
                    """);
            EngineSandbox.Run warned = cli(box, optional, "--profile", "not-required", "up", "-d");
            assertThat(warned.exit()).as(warned.err()).isZero();
            assertThat(warned.err())
                    .contains("WARN[0000] optional dependency \"bar\" failed to start: container "
                            + optional.getFileName() + "-bar-1 has no healthcheck configured");
            cli(box, optional, "--profile", "not-required", "down", "-t", "0").assertOk("down");
        });
    }
}
