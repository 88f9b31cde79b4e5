package dev.jcompose.stack;

import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.observe.Labels;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The labels docker compose puts on every container of a project besides the service's own: the
 * compose files ({@code com.docker.compose.project.config_files}) and the project directory
 * ({@code ...working_dir}), which {@code ls} shows. They are added to the model the containers are
 * created from, never to the one the planner hashes: like docker compose, running the same project
 * from another place must not recreate its containers.
 */
final class ProjectLabels {
    private ProjectLabels() {}

    /** {@code project} with the origin labels on every service; unchanged when there is no origin. */
    static Project onContainers(Project project, List<String> configFiles, String workingDir) {
        if (configFiles.isEmpty() && workingDir == null) {
            return project;
        }
        SortedMap<String, ServiceConfig> services = new TreeMap<>();
        project.services().forEach((name, service) -> {
            SortedMap<String, String> labels = new TreeMap<>(service.labels());
            if (!configFiles.isEmpty()) {
                labels.put(Labels.CONFIG_FILES, String.join(",", configFiles));
            }
            if (workingDir != null) {
                labels.put(Labels.WORKING_DIR, workingDir);
            }
            services.put(name, service.withLabels(labels));
        });
        return project.withServices(services);
    }
}
