package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.UpOptions;
import dev.jcompose.model.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The origin labels ({@code ls}'s CONFIG FILES) are set at create and do not count in the config
 * hash: the same project brought up from another place is left running, not recreated. And {@code ps}
 * carries the runtime's created/started/finished times. Run on the real host ({@link ProjectOriginRootTest})
 * and the fake one ({@link ProjectOriginFakeTest}).
 */
abstract class ProjectOriginScenarios {
    /** A new host for one test (skips the test when the host cannot run it). */
    abstract StackHost open() throws Exception;

    @Test
    void upFromAnotherPlaceRecreatesNothingAndPsCarriesTheTimes() throws Exception {
        try (StackHost fx = open()) {
            Path dir = Files.createDirectories(fx.dir().resolve("origin"));
            Files.writeString(dir.resolve("compose.yaml"), """
                    services:
                      web:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        stop_grace_period: 1s
                    """);
            Project project = fx.load(dir, "origin", Map.of());
            String p = fx.project("origin");
            Instant before = Instant.now().minusSeconds(1);
            fx.compose()
                    .up(
                            project,
                            UpOptions.defaults().withOrigin(List.of("/srv/a/compose.yaml"), "/srv/a"),
                            fx.listener());
            ContainerSummary first = fx.compose().ps(p, true).getFirst();
            assertThat(first.labels())
                    .containsEntry("com.docker.compose.project.config_files", "/srv/a/compose.yaml")
                    .containsEntry("com.docker.compose.project.working_dir", "/srv/a");
            assertThat(first.created()).isAfter(before);
            assertThat(first.started()).isAfterOrEqualTo(first.created());
            assertThat(first.finished()).isNull();

            fx.compose()
                    .up(
                            project,
                            UpOptions.defaults()
                                    .withOrigin(List.of("/srv/b/compose.yaml", "/srv/b/more.yaml"), "/srv/b"),
                            fx.listener());
            ContainerSummary second = fx.compose().ps(p, true).getFirst();
            assertThat(second.id()).as("not recreated").isEqualTo(first.id());
            assertThat(second.labels()).containsEntry("com.docker.compose.project.config_files", "/srv/a/compose.yaml");

            fx.compose().stop(p, List.of(), Duration.ofSeconds(1), fx.listener());
            ContainerSummary stopped = fx.compose().ps(p, true).getFirst();
            assertThat(stopped.state()).isEqualTo(dev.jcompose.state.ContainerState.EXITED);
            assertThat(stopped.finished()).isAfterOrEqualTo(stopped.started()).isBeforeOrEqualTo(Instant.now());
            fx.compose()
                    .down(p, Optional.of(project), new DownOptions(true, true, Duration.ofSeconds(1)), fx.listener());
        }
    }
}
