package dev.jcompose.plan;

import dev.jcompose.config.ServiceHash;
import dev.jcompose.graph.ServiceGraph;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.observe.Labels;
import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The project to converge to, with what planning derives from it computed once: each service's
 * config hash and the dependency graph. {@code disabled} names services the compose file declares
 * but that are not active (profiles): their containers are not orphans, and {@code up} leaves them.
 */
public final class DesiredProject {
    private final Project project;
    private final SortedSet<String> disabled;
    private final SortedMap<String, String> hashes = new TreeMap<>();
    private final ServiceGraph graph;

    private final String separator;

    private DesiredProject(Project project, Set<String> disabled) {
        this(project, disabled, Labels.SEPARATOR);
    }

    private DesiredProject(Project project, Set<String> disabled, String separator) {
        this.project = project;
        this.disabled = Collections.unmodifiableSortedSet(new TreeSet<>(disabled));
        project.services().forEach((name, s) -> hashes.put(name, ServiceHash.of(s)));
        this.graph = ServiceGraph.of(project.dependencies());
        this.separator = separator;
    }

    /** This project with new containers named with {@code separator} ({@code _} under {@code --compatibility}). */
    public DesiredProject withNameSeparator(String value) {
        return new DesiredProject(project, disabled, value);
    }

    public static DesiredProject of(Project project) {
        return new DesiredProject(project, Set.of());
    }

    public static DesiredProject of(Project project, Set<String> disabledServices) {
        return new DesiredProject(project, disabledServices);
    }

    public Project project() {
        return project;
    }

    public String name() {
        return project.name();
    }

    public SortedSet<String> disabled() {
        return disabled;
    }

    public ServiceGraph graph() {
        return graph;
    }

    public ServiceConfig service(String name) {
        return project.services().get(name);
    }

    /** Whether the compose file declares the service, active or not. */
    public boolean declares(String service) {
        return project.services().containsKey(service) || disabled.contains(service);
    }

    public String configHash(String service) {
        return hashes.get(service);
    }

    /** The image a service runs: {@code image}, else the name compose builds it under, {@code project-service}. */
    public String image(String service) {
        ServiceConfig s = service(service);
        if (s.image() != null && !s.image().isEmpty()) {
            return s.image();
        }
        return project.name() + Labels.SEPARATOR + service;
    }

    public String containerName(String service, int number) {
        return Labels.containerName(project.name(), service, service(service).containerName(), number, separator);
    }
}
