package dev.jcompose.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.graph.ServiceGraph;
import dev.jcompose.loader.LoadOptions;
import dev.jcompose.loader.LoadedProject;
import dev.jcompose.loader.ProjectLoader;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.yaml.ComposeFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a test uses jcompose's Java API to load a compose project and check its model: the same
 * loader `jcompose config` uses, with the environment under the test's control.
 */
class LoadingAProjectExampleTest {

    private static LoadedProject load(Path dir, Map<String, String> env) {
        LoadOptions options = LoadOptions.in(dir).withProcessEnv(env);
        return ProjectLoader.standard(new ByteArrayInputStream(new byte[0])).load(options);
    }

    @Test
    void readsTheQuickstartStack() {
        Path quickstart =
                Path.of("../compose-samples/quickstart").toAbsolutePath().normalize();
        Project project = load(quickstart, Map.of("FRONT_PORT", "18080")).project();

        assertThat(project.name()).isEqualTo("quickstart");
        ServiceConfig front = project.service("front").orElseThrow();
        assertThat(front.ports()).singleElement().satisfies(p -> {
            assertThat(p.hostIp()).isEqualTo("127.0.0.1");
            assertThat(p.published()).isEqualTo("18080");
            assertThat(p.target()).isEqualTo(8080);
        });
        assertThat(ServiceGraph.of(project.dependencies()).startOrder()).containsExactly("store", "api", "front");
    }

    @Test
    void aBrokenFileSaysWhereAndHowToFixIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n    prots: ['80']\n");
        assertThatThrownBy(() -> load(dir, Map.of())).isInstanceOfSatisfying(ComposeFileException.class, e -> {
            assertThat(e.location().line()).isEqualTo(4);
            assertThat(e.getMessage()).endsWith("services.web: additional property 'prots' is not allowed");
            assertThat(e.hint()).isEqualTo("did you mean 'ports'?");
        });
    }
}
