package dev.jcompose.stack;

import dev.jcompose.loader.LoadOptions;
import dev.jcompose.loader.ProjectLoader;
import dev.jcompose.model.Project;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A compose file written into {@code dir} and loaded as the CLI would, with no process environment. */
final class TestProjects {
    private TestProjects() {}

    static Project load(Path dir, String projectName, String yaml) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return ProjectLoader.standard(new ByteArrayInputStream(new byte[0]))
                .load(LoadOptions.in(dir).withProjectName(projectName).withProcessEnv(Map.of()))
                .project();
    }
}
