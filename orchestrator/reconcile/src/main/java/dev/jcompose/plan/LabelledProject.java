package dev.jcompose.plan;

import dev.jcompose.graph.DependencyCycle;
import dev.jcompose.graph.ServiceGraph;
import dev.jcompose.model.NetworkConfig;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.model.ServiceDependency;
import dev.jcompose.model.VolumeConfig;
import dev.jcompose.observe.ObservedContainer;
import dev.jcompose.observe.ObservedState;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A project as what exists describes it, for commands given only a project name (docker compose's
 * "project from name"): one service per service of the project's containers (one-offs aside), with
 * the depends_on its containers' labels carry and its number of containers as scale, and the
 * networks and volumes the project's labels claim. Pure.
 *
 * <p>depends_on is not part of the config hash, so a changed depends_on leaves containers with their
 * old labels, and old and new labels together could form a cycle. A cycle is broken (deterministically,
 * at the smallest service on it) rather than refused: stopping or removing a project must work.
 */
public final class LabelledProject {
    private LabelledProject() {}

    public static Project of(String name, ObservedState observed) {
        SortedMap<String, List<ObservedContainer>> byService = new TreeMap<>();
        for (ObservedContainer c : observed.projectContainers(name)) {
            if (c.service() != null) {
                byService
                        .computeIfAbsent(c.service(), s -> new java.util.ArrayList<>())
                        .add(c);
            }
        }
        SortedMap<String, SortedMap<String, ServiceDependency>> deps = new TreeMap<>();
        // the lowest-numbered container speaks for its service (replicas share one configuration)
        byService.forEach((service, containers) ->
                deps.put(service, new TreeMap<>(containers.getFirst().dependsOn())));
        breakCycles(deps);
        SortedMap<String, ServiceConfig> services = new TreeMap<>();
        deps.forEach((service, d) ->
                services.put(service, service(d, byService.get(service).size())));
        return new Project(name, services, networks(name, observed), volumes(name, observed), null, null, null, null);
    }

    /**
     * The project to plan with: {@link #of} and, as services the compose file would declare but that
     * have no service container, those that only one-off ({@code run}) containers name.
     */
    public static DesiredProject desired(String name, ObservedState observed) {
        Project project = of(name, observed);
        SortedSet<String> oneOffOnly = new TreeSet<>();
        observed.projectContainers(name, true).stream()
                .map(ObservedContainer::service)
                .filter(s -> s != null && !project.services().containsKey(s))
                .forEach(oneOffOnly::add);
        return DesiredProject.of(project, oneOffOnly);
    }

    /** A service as its containers' labels describe it: its scale and its depends_on, nothing else. */
    private static ServiceConfig service(SortedMap<String, ServiceDependency> deps, int scale) {
        return ServiceConfig.EMPTY.withScale(scale).withDependsOn(deps);
    }

    private static void breakCycles(SortedMap<String, SortedMap<String, ServiceDependency>> deps) {
        while (true) {
            SortedMap<String, SortedSet<String>> names = new TreeMap<>();
            deps.forEach((s, d) -> names.put(s, new TreeSet<>(d.keySet())));
            Optional<DependencyCycle> cycle = ServiceGraph.of(names).findCycle();
            if (cycle.isEmpty()) {
                return;
            }
            deps.get(cycle.get().start()).remove(cycle.get().next());
        }
    }

    private static SortedMap<String, NetworkConfig> networks(String name, ObservedState observed) {
        SortedMap<String, NetworkConfig> networks = new TreeMap<>();
        observed.networks().stream()
                .filter(n -> name.equals(n.project()) && n.key() != null)
                .forEach(n -> networks.put(n.key(), NetworkConfig.named(n.name())));
        return networks;
    }

    private static SortedMap<String, VolumeConfig> volumes(String name, ObservedState observed) {
        SortedMap<String, VolumeConfig> volumes = new TreeMap<>();
        observed.volumes().stream()
                .filter(v -> name.equals(v.project()) && v.key() != null)
                .forEach(v -> volumes.put(v.key(), VolumeConfig.named(v.name())));
        return volumes;
    }
}
