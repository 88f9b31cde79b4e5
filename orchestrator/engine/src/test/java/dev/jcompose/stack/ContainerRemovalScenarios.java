package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.DownOptions;
import dev.jcompose.api.UpOptions;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.model.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Removing a container twice (down racing a one-off's --rm, two commands planned on the same state)
 * is not an error: the second removal finds the runtime's record gone and still clears what is left.
 * Run on the real host ({@link ContainerRemovalRootTest}) and the fake one ({@link ContainerRemovalFakeTest}).
 */
abstract class ContainerRemovalScenarios {
    /** A new host for one test (skips the test when the host cannot run it). */
    abstract StackHost open() throws Exception;

    @Test
    void aSecondRemovalOfTheSameContainerSucceedsAndDownStillConverges() throws Exception {
        try (StackHost fx = open()) {
            Path dir = Files.createDirectories(fx.dir().resolve("twice"));
            Files.writeString(dir.resolve("compose.yaml"), """
                    services:
                      web:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        volumes: ["/scratch"]
                    """);
            Project project = fx.load(dir, "twice", Map.of());
            String p = fx.project("twice");
            fx.compose().up(project, UpOptions.defaults(), fx.listener());
            ContainerRecord web = fx.stack().runtime.list().stream()
                    .filter(r -> r.name().equals(p + "-web-1"))
                    .findFirst()
                    .orElseThrow();

            fx.stack().containers.remove(web.id(), true);
            fx.stack().containers.remove(web.id(), true);

            assertThat(fx.stack().runtime.exists(web.id())).isFalse();
            fx.compose().down(p, java.util.Optional.of(project), new DownOptions(true, false, null), fx.listener());
            assertThat(fx.compose().ps(p, true)).isEmpty();
            assertThat(fx.stack().runtime.list())
                    .extracting(ContainerRecord::name)
                    .doesNotContain(p + "-web-1");
        }
    }
}
