package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.host.HostSnapshot;
import dev.jcompose.image.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The settings audit and secrets through the CLI and the real engine: up, create and run print a
 * setting they do not apply as compose's {@code WARN[0000]} line, once; a secret from the project
 * environment reaches the container; a refused setting fails up with exit 1 and creates nothing.
 */
@Tag("root")
class SettingsCliRootTest {
    static final String COMPOSE = """
            services:
              app:
                image: busybox:1.36
                command: ["sleep", "300"]
                oom_kill_disable: true
                secrets: [token]
            secrets:
              token:
                environment: API_TOKEN
            """;
    static final String WARNING = "WARN[0000] service \"app\": oom_kill_disable is not supported yet and is ignored";

    final String tag = EngineSandbox.newTag();
    final String project = "st" + tag;
    final String refused = "sr" + tag;
    final EngineSandbox sandbox = new EngineSandbox(tag, project, refused);

    @Test
    void warnsOnceAndResolvesEnvironmentSecretsAndRefusesWhatItCannotConfine() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        HostSnapshot before = sandbox.snapshot();
        sandbox.env("API_TOKEN", "t0k");
        sandbox.runThenClose(() -> {
            sandbox.importBusybox();
            Files.writeString(sandbox.app().resolve("compose.yaml"), COMPOSE);
            EngineSandbox.Run create = sandbox.cli("-p", project, "--progress", "plain", "create");
            assertThat(create.exit()).as(create.err()).isZero();
            assertThat(create.err()
                            .lines()
                            .filter(l -> l.contains("oom_kill_disable"))
                            .toList())
                    .containsExactly(" " + WARNING);
            EngineSandbox.Run up = sandbox.cli("-p", project, "--progress", "plain", "up", "-d");
            assertThat(up.exit()).as(up.err()).isZero();
            assertThat(up.err()).contains(WARNING);
            EngineSandbox.Run cat = sandbox.cli("-p", project, "exec", "app", "cat", "/run/secrets/token");
            assertThat(cat.out()).as(cat.err()).isEqualTo("t0k");
            EngineSandbox.Run run = sandbox.cli(
                    "-p",
                    project,
                    "--progress",
                    "plain",
                    "run",
                    "--rm",
                    "app",
                    "sh",
                    "-c",
                    "cat /run/secrets/token; echo");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("t0k\n");
            assertThat(run.err()).contains(WARNING);
            sandbox.cli("-p", project, "down", "-t", "0").assertOk("down");

            Path other = Files.createDirectories(sandbox.app().resolve("refused"));
            Files.writeString(other.resolve("compose.yaml"), """
                    services:
                      app:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        security_opt: ["apparmor=my-profile"]
                    """);
            EngineSandbox.Run no =
                    sandbox.cli("-f", other.resolve("compose.yaml").toString(), "-p", refused, "up", "-d");
            assertThat(no.exit()).isEqualTo(1);
            assertThat(no.err())
                    .contains("service \"app\": security_opt 'apparmor=my-profile' is not supported: "
                            + "jcompose cannot apply this confinement");
            assertThat(sandbox.ps(refused)).isEmpty();
        });
        sandbox.snapshot().assertSameAs(before);
    }
}
