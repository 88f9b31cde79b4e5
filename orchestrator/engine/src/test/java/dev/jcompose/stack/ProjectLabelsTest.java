package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.loader.LoadOptions;
import dev.jcompose.loader.ProjectLoader;
import dev.jcompose.model.Project;
import dev.jcompose.plan.DesiredProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLabelsTest {
    @TempDir
    Path dir;

    Project load() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: shop
                services:
                  web:
                    image: busybox:1.36
                    labels: {team: web}
                  db:
                    image: busybox:1.36
                """);
        return ProjectLoader.standard(new java.io.ByteArrayInputStream(new byte[0]))
                .load(LoadOptions.in(dir))
                .project();
    }

    @Test
    void everyServiceGetsTheOriginLabelsBesideItsOwn() throws IOException {
        Project labelled = ProjectLabels.onContainers(
                load(), List.of("/srv/shop/compose.yaml", "/srv/shop/more.yaml"), "/srv/shop");
        assertThat(labelled.services().get("web").labels())
                .containsExactly(
                        java.util.Map.entry(
                                "com.docker.compose.project.config_files",
                                "/srv/shop/compose.yaml,/srv/shop/more.yaml"),
                        java.util.Map.entry("com.docker.compose.project.working_dir", "/srv/shop"),
                        java.util.Map.entry("team", "web"));
        assertThat(labelled.services().get("db").labels())
                .containsOnlyKeys("com.docker.compose.project.config_files", "com.docker.compose.project.working_dir");
    }

    @Test
    void theHashUpPlansWithIsTheSameFromAnyOrigin() throws IOException {
        Project project = load();
        // up plans on the model without the origin: what `config --hash` prints, whatever the path
        assertThat(DesiredProject.of(project).configHash("web"))
                .isEqualTo(DesiredProject.of(load()).configHash("web"));
        assertThat(ProjectLabels.onContainers(project, List.of(), null)).isSameAs(project);
        // the labels are left out of the hash only by planning without them, which StackService.up does
        assertThat(DesiredProject.of(ProjectLabels.onContainers(project, List.of("/a.yaml"), "/"))
                        .configHash("web"))
                .isNotEqualTo(DesiredProject.of(project).configHash("web"));
    }
}
