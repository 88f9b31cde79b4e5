package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.api.BuildOptions;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.StackException;
import dev.jcompose.api.UpOptions;
import dev.jcompose.build.BuildRequest;
import dev.jcompose.model.Project;
import dev.jcompose.policy.BuildPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A service's build section reaches the image builder as a request (context, Dockerfile, args, tags,
 * labels, secrets), {@code up} builds a missing image, {@code up --build} rebuilds, {@code --no-build}
 * never builds, and {@code build} builds only services with a build section.
 */
class BuildFakeTest {

    private static Project project(FakeStackFixture fx) throws Exception {
        Path dir = Files.createDirectories(fx.dir().resolve("dev"));
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("token.txt"), "s3cret");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    build:
                      context: ./app
                      dockerfile: build/Dockerfile
                      args: {GREETING: hi, EMPTY: ""}
                      labels: {team: dev}
                      tags: ["registry.test/app:1"]
                      target: final
                      secrets: [token]
                    command: ["sleep", "300"]
                    stop_grace_period: 1s
                  db:
                    image: busybox:1.36
                    command: ["sleep", "300"]
                    stop_grace_period: 1s
                secrets:
                  token:
                    file: ./token.txt
                """);
        return fx.load(dir, "dev", Map.of());
    }

    @Test
    void upBuildsTheMissingImageFromTheBuildSection() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = project(fx);
            fx.compose().up(project, UpOptions.defaults(), fx.listener());
            // the fake host's image store stays empty, so the plan after the image phase builds again
            assertThat(fx.images.builds()).isNotEmpty();
            BuildRequest r = fx.images.builds().get(0);
            Path app = fx.dir().resolve("dev/app").toAbsolutePath();
            assertThat(r.context()).isEqualTo(app);
            assertThat(r.dockerfile()).isEqualTo(app.resolve("build/Dockerfile"));
            assertThat(r.args()).containsEntry("GREETING", "hi").containsEntry("EMPTY", "");
            assertThat(r.labels()).containsEntry("team", "dev");
            assertThat(r.tags()).containsExactly("dev-app", "registry.test/app:1");
            assertThat(r.target()).isEqualTo("final");
            assertThat(r.secrets()).containsOnlyKeys("token");
            assertThat(fx.rendered()).contains("Image dev-app Building", "Image dev-app Built");
            assertThat(fx.compose().ps("dev", false))
                    .extracting(c -> c.service() + "=" + c.image())
                    .containsExactlyInAnyOrder("app=dev-app", "db=busybox:1.36");
            fx.compose()
                    .down(
                            "dev",
                            Optional.of(project),
                            new DownOptions(true, true, Duration.ofSeconds(1)),
                            fx.listener());
        }
    }

    @Test
    void noBuildNeverBuildsAndSaysHowToBuild() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = project(fx);
            assertThatThrownBy(() ->
                            fx.compose().up(project, UpOptions.defaults().withBuild(BuildPolicy.NEVER), fx.listener()))
                    .hasMessageContaining("image dev-app for service app is not present and --no-build was given");
            assertThat(fx.images.builds()).isEmpty();
        }
    }

    @Test
    void buildCommandBuildsOnlyBuildSectionsWithTheCommandLineArgs() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = project(fx);
            TreeMap<String, String> args = new TreeMap<>(Map.of("GREETING", "hello"));
            fx.compose().build(project, new BuildOptions(List.of(), true, true, args), fx.listener());
            assertThat(fx.images.builds()).singleElement().satisfies(r -> {
                assertThat(r.args()).containsEntry("GREETING", "hello");
                assertThat(r.noCache()).isTrue();
                assertThat(r.pull()).isTrue();
            });
            assertThatThrownBy(() -> fx.compose()
                            .build(project, new BuildOptions(List.of("db"), false, false, null), fx.listener()))
                    .isInstanceOf(StackException.class)
                    .hasMessage("service db has no build section");
        }
    }
}
