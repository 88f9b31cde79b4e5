package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.host.HostSnapshot;
import dev.jcompose.image.testing.TestImages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's environment, loader and missing-command divergences, through the real CLI and engine on
 * local busybox images, each scenario shaped like the docker compose e2e test it is named after
 * (behaviour learnt from those tests, written here): TestEnvPriority, TestUnsetEnv, TestRawEnvFile,
 * TestUnusedMissingEnvFile, TestStartInterval, TestUpContainerNameConflict, and the commands and
 * flags compose has (scale, down SERVICE, logs --index, up --attach-dependencies and --menu,
 * --compatibility, run --volumes and --env-from-file). One engine serves all; nothing leaks.
 */
@Tag("root")
class EnvironmentParityRootTest {
    final String tag = EngineSandbox.newTag();
    final String env = "ep" + tag;
    final String missing = "em" + tag;
    final String health = "eh" + tag;
    final String names = "en" + tag;
    final String cli = "ec" + tag;
    final String compat = "eo" + tag;
    final EngineSandbox sandbox = new EngineSandbox(tag, env, missing, health, names, cli, compat);

    @Test
    void behavesAsDockerComposeE2eTestsExpect() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        HostSnapshot before = sandbox.snapshot();
        sandbox.runThenClose(() -> {
            sandbox.importBusybox();
            sandbox.cli(
                            "image",
                            "import",
                            "--change",
                            "ENV WHEREAMI=Dockerfile",
                            "--change",
                            "ENV EMPTY=not_empty",
                            "--change",
                            "CMD [\"sh\"]",
                            sandbox.dir.resolve("rootfs.tar").toString(),
                            "envprobe:1")
                    .assertOk("image import envprobe");
            envPriority();
            unsetAndRawEnvironment();
            missingEnvFile();
            startIntervalNeedsStartPeriod();
            sharedContainerName();
            commandsComposeHas();
            compatibilityNames();
        });
        sandbox.snapshot().assertSameAs(before);
    }

    /** TestEnvPriority: run -e VAR takes the shell, else --env-file / COMPOSE_ENV_FILES / .env, else the image. */
    private void envPriority() throws IOException {
        Path dir = project("envp", """
                services:
                  env-compose-priority:
                    image: envprobe:1
                    command: ["sh", "-c", 'echo "$$WHEREAMI"']
                """);
        Files.writeString(dir.resolve(".env"), "WHEREAMI=Env File\n");
        Files.writeString(dir.resolve(".env.override"), "WHEREAMI=override\n");
        Files.writeString(dir.resolve(".env.default"), "WHEREAMI=${WHEREAMI:-EnvFileDefaultValue}\n");
        Files.writeString(dir.resolve(".env.empty"), "");
        String file = dir.resolve("compose.yaml").toString();
        String override = dir.resolve(".env.override").toString();
        String withDefault = dir.resolve(".env.default").toString();
        Map<String, String> none = Map.of();
        assertRunPrints(Map.of("WHEREAMI", "shell"), "shell", "-f", file, "--env-file", override);
        assertRunPrints(none, "EnvFileDefaultValue", "-f", file, "--env-file", withDefault);
        assertRunPrints(Map.of("COMPOSE_ENV_FILES", withDefault), "EnvFileDefaultValue", "-f", file);
        assertRunPrints(none, "override", "-f", file, "--env-file", override);
        assertRunPrints(none, "Env File", "-f", file);
        assertRunPrints(
                none,
                "Dockerfile",
                "-f",
                file,
                "--env-file",
                dir.resolve(".env.empty").toString());
        EngineSandbox.Run explicit = cli(
                none,
                "-f",
                file,
                "-p",
                env,
                "--env-file",
                override,
                "run",
                "--rm",
                "-e",
                "WHEREAMI=shell-run",
                "env-compose-priority");
        assertThat(explicit.out()).as(explicit.err()).isEqualTo("shell-run\n");
    }

    private void assertRunPrints(Map<String, String> shell, String expected, String... global) {
        List<String> args = new java.util.ArrayList<>(List.of(global));
        args.addAll(List.of("-p", env, "run", "--rm", "-e", "WHEREAMI", "env-compose-priority"));
        EngineSandbox.Run r = cli(shell, args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).as(String.join(" ", args) + " with " + shell).isEqualTo(expected + "\n");
    }

    /** TestUnsetEnv and TestRawEnvFile. */
    private void unsetAndRawEnvironment() throws IOException {
        Path dir = project("unset", """
                services:
                  empty-variable:
                    image: envprobe:1
                    command: ["sh", "-c", "echo =$$EMPTY="]
                    environment:
                      - EMPTY
                  test:
                    image: busybox:1.36
                    command: sh -c "echo $$TEST_VAR"
                    env_file:
                      - path: .env.raw
                        format: raw
                """);
        Files.writeString(dir.resolve(".env.raw"), "TEST_VAR='{\"key\": \"value\"}'\n");
        String file = dir.resolve("compose.yaml").toString();
        EngineSandbox.Run hello =
                sandbox.cli("-f", file, "-p", env, "run", "-e", "EMPTY=hello", "--rm", "empty-variable");
        assertThat(hello.out()).as(hello.err()).isEqualTo("=hello=\n");
        EngineSandbox.Run unset = sandbox.cli("-f", file, "-p", env, "run", "--rm", "empty-variable");
        assertThat(unset.out()).as("the image's EMPTY is unset: " + unset.err()).isEqualTo("==\n");
        EngineSandbox.Run raw = sandbox.cli("-f", file, "-p", env, "run", "--rm", "test");
        assertThat(raw.out()).as(raw.err()).isEqualTo("'{\"key\": \"value\"}'\n");
        sandbox.cli("-f", file, "-p", env, "down", "-t", "0").assertOk("down " + env);
    }

    /** TestUnusedMissingEnvFile: only the commands that create serviceB's containers need its env file. */
    private void missingEnvFile() throws IOException {
        Path dir = project("missing", """
                services:
                  serviceA:
                    image: busybox:1.36
                    command: ["sh", "-c", "echo serviceA up; exec sleep 300"]
                  serviceB:
                    image: busybox:1.36
                    env_file:
                      - /doesnotexist/.env
                """);
        String file = dir.resolve("compose.yaml").toString();
        sandbox.cli("-f", file, "-p", missing, "up", "-d", "serviceA").assertOk("up -d serviceA");
        sandbox.cli("-f", file, "-p", missing, "ps").assertOk("ps");
        sandbox.cli("-f", file, "-p", missing, "logs").assertOk("logs");
        EngineSandbox.Run exec = sandbox.cli("-f", file, "-p", missing, "exec", "-T", "serviceA", "echo", "hello")
                .assertOk("exec");
        assertThat(exec.out()).isEqualTo("hello\n");
        sandbox.cli("-f", file, "-p", missing, "scale", "serviceA=2").assertOk("scale serviceA=2");
        assertThat(sandbox.ps(missing))
                .extracting(EngineSandbox.Container::name)
                .containsExactly(missing + "-serviceA-1", missing + "-serviceA-2");
        EngineSandbox.Run scaleB = sandbox.cli("-f", file, "-p", missing, "scale", "serviceB=1");
        assertThat(scaleB.exit())
                .as("exit 14: jcompose's documented code for a missing file")
                .isEqualTo(14);
        assertThat(scaleB.err()).contains("env file /doesnotexist/.env not found");
        sandbox.cli("-f", file, "-p", missing, "config", "--hash", "serviceA").assertOk("config --hash serviceA");
        assertThat(sandbox.cli("-f", file, "-p", missing, "config", "--hash", "serviceB")
                        .exit())
                .isEqualTo(14);
        sandbox.cli("-f", file, "-p", missing, "down", "-t", "0").assertOk("down");
        assertThat(sandbox.ps(missing)).isEmpty();
    }

    /** TestStartInterval: refused without start_period when created; applied with it. */
    private void startIntervalNeedsStartPeriod() throws IOException {
        Path dir = project("health", """
                services:
                  test:
                    image: busybox:1.36
                    command: ["sleep", "300"]
                    healthcheck:
                      interval: 30s
                      start_period: 10s
                      start_interval: 1s
                      test: ["CMD", "true"]
                  error:
                    image: busybox:1.36
                    command: ["sleep", "300"]
                    healthcheck:
                      interval: 30s
                      start_interval: 1s
                      test: ["CMD", "true"]
                """);
        String file = dir.resolve("compose.yaml").toString();
        EngineSandbox.Run error = sandbox.cli("-f", file, "-p", health, "up", "--wait", "-d", "error");
        assertThat(error.exit()).isEqualTo(1);
        assertThat(error.err()).contains("healthcheck.start_interval requires healthcheck.start_period to be set");
        long start = System.nanoTime();
        sandbox.cli("-f", file, "-p", health, "up", "--wait", "-d", "test").assertOk("up --wait test");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("healthy at the 1s start interval, well before the 30s interval")
                .isLessThan(Duration.ofSeconds(20));
        assertThat(sandbox.health(health, health + "-test-1")).isEqualTo("healthy");
        sandbox.cli("-f", file, "-p", health, "down", "-t", "0").assertOk("down");
    }

    /** TestUpContainerNameConflict: both at once fail; each alone runs under the shared name. */
    private void sharedContainerName() throws IOException {
        Path dir = project("names", """
                services:
                  test:
                    image: busybox:1.36
                    container_name: ${FIXED_NAME}
                    command: /bin/true
                  another_test:
                    image: busybox:1.36
                    container_name: ${FIXED_NAME}
                    command: /bin/true
                """);
        String file = dir.resolve("compose.yaml").toString();
        String fixed = names + "-fixed";
        Map<String, String> shell = Map.of("FIXED_NAME", fixed);
        EngineSandbox.Run both = cli(shell, "-f", file, "-p", names, "up");
        assertThat(both.exit()).isEqualTo(1);
        assertThat(both.err()).contains("container name \"" + fixed + "\" is already in use");
        cli(shell, "-f", file, "-p", names, "down").assertOk("down");
        cli(shell, "-f", file, "-p", names, "up", "test").assertOk("up test");
        assertThat(sandbox.ps(names))
                .extracting(EngineSandbox.Container::name, EngineSandbox.Container::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(fixed, "exited"));
        cli(shell, "-f", file, "-p", names, "down").assertOk("down");
        assertThat(sandbox.ps(names)).isEmpty();
        cli(shell, "-f", file, "-p", names, "up", "another_test").assertOk("up another_test");
        assertThat(sandbox.ps(names)).extracting(EngineSandbox.Container::state).containsExactly("exited");
        cli(shell, "-f", file, "-p", names, "down").assertOk("down");
    }

    /** scale, down SERVICE, logs --index, up --attach-dependencies --menu=false, run --volumes/--env-from-file. */
    private void commandsComposeHas() throws IOException {
        Path dir = project("cli", """
                services:
                  foo:
                    image: busybox:1.36
                    command: ["sh", "-c", "sleep 2; echo hello"]
                    depends_on: [bar]
                  bar:
                    image: busybox:1.36
                    command: ["sh", "-c", "echo bar ready; exec sleep 300"]
                  hello:
                    image: busybox:1.36
                    scale: 2
                    command: ["sh", "-c", "echo hello from $$HOSTNAME"]
                """);
        Files.writeString(dir.resolve("run.env"), "FOO=BAR\n");
        String file = dir.resolve("compose.yaml").toString();
        EngineSandbox.Run attached = sandbox.cli(
                "-f", file, "-p", cli, "--ansi", "never", "up", "--attach-dependencies", "foo", "--menu=false");
        assertThat(attached.exit()).as(attached.err()).isZero();
        assertThat(attached.out()).contains("foo-1  | hello", "bar-1  | bar ready", "foo-1 exited with code 0");

        sandbox.cli("-f", file, "-p", cli, "up", "-d", "hello").assertOk("up -d hello");
        assertThat(EngineSandbox.await(
                        Duration.ofSeconds(30),
                        () -> sandbox.ps(cli).stream()
                                .filter(c -> c.name().contains("-hello-"))
                                .allMatch(c -> c.state().equals("exited"))))
                .isTrue();
        EngineSandbox.Run index =
                sandbox.cli("-f", file, "-p", cli, "--ansi", "never", "logs", "--index", "2", "hello");
        assertThat(index.exit()).as(index.err()).isZero();
        assertThat(index.out()).contains("hello-2  | hello from").doesNotContain("hello-1");

        EngineSandbox.Run volume =
                sandbox.cli("-f", file, "-p", cli, "run", "--rm", "--volumes", dir + ":/foo", "bar", "ls", "/foo");
        assertThat(volume.out()).as(volume.err()).contains("compose.yaml", "run.env");
        EngineSandbox.Run fromFile = sandbox.cli(
                "-f",
                file,
                "-p",
                cli,
                "run",
                "--rm",
                "--env-from-file",
                dir.resolve("run.env").toString(),
                "bar",
                "env");
        assertThat(fromFile.out()).as(fromFile.err()).contains("FOO=BAR");

        sandbox.cli("-f", file, "-p", cli, "down", "-t", "0", "bar").assertOk("down bar");
        assertThat(sandbox.ps(cli))
                .as("bar and foo, which depends on it, are gone; hello stays")
                .extracting(EngineSandbox.Container::name)
                .containsExactly(cli + "-hello-1", cli + "-hello-2");
        sandbox.cli("-f", file, "-p", cli, "down", "-t", "0").assertOk("down");
    }

    /** TestCompatibility: --compatibility names containers the docker-compose v1 way. */
    private void compatibilityNames() throws IOException {
        Path dir = project("compat", """
                services:
                  simple:
                    image: busybox:1.36
                    command: ["sleep", "300"]
                """);
        String file = dir.resolve("compose.yaml").toString();
        sandbox.cli("-f", file, "-p", compat, "--compatibility", "up", "-d").assertOk("--compatibility up");
        assertThat(sandbox.ps(compat))
                .extracting(EngineSandbox.Container::name, EngineSandbox.Container::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(compat + "_simple_1", "running"));
        sandbox.cli("-f", file, "-p", compat, "down", "-t", "0").assertOk("down");
    }

    private Path project(String name, String compose) throws IOException {
        Path dir = Files.createDirectories(sandbox.app().resolve(name));
        Files.writeString(dir.resolve("compose.yaml"), compose);
        return dir;
    }

    /** The CLI with {@code extra} variables in its environment (the sandbox's are fixed per sandbox). */
    private EngineSandbox.Run cli(Map<String, String> extra, String... args) {
        Map<String, String> variables = new HashMap<>(sandbox.variables());
        variables.putAll(extra);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(
                args,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new Main.Environment(variables, sandbox.app(), new ByteArrayInputStream(new byte[0])));
        return new EngineSandbox.Run(exit, out.toString(), err.toString());
    }
}
