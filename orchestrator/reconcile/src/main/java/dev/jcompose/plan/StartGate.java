package dev.jcompose.plan;

import dev.jcompose.graph.ServiceGraph;
import dev.jcompose.model.DependencyCondition;
import dev.jcompose.model.ServiceDependency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a service's starts wait for, per dependency, in {@code up} and {@code start} alike: the
 * dependency's starts ({@code service_started} and the implicit dependencies of links,
 * volumes_from and network_mode), or a wait step ({@code service_healthy},
 * {@code service_completed_successfully}) planned once per dependency and condition, after the
 * dependency's starts. Dependencies outside {@code graph} ({@code --no-deps}) or not
 * {@code waitedFor} (scaled to 0) are not waited for. Wait steps are planned even when nothing
 * starts, as compose always checks the conditions.
 */
final class StartGate {
    private final DesiredProject desired;
    private final ServiceGraph graph;
    private final StepList steps;
    private final Predicate<String> waitedFor;

    StartGate(DesiredProject desired, ServiceGraph graph, StepList steps, Predicate<String> waitedFor) {
        this.desired = desired;
        this.graph = graph;
        this.steps = steps;
        this.waitedFor = waitedFor;
    }

    /** @param started each service already planned to its start step ids (empty when nothing starts) */
    List<String> of(String service, Map<String, List<String>> started) {
        List<String> gate = new ArrayList<>();
        for (String d : graph.dependenciesOf(service)) {
            if (!waitedFor.test(d)) {
                continue;
            }
            ServiceDependency dep = desired.service(service).dependsOn().get(d);
            DependencyCondition condition =
                    dep == null || dep.condition() == null ? DependencyCondition.SERVICE_STARTED : dep.condition();
            if (condition != DependencyCondition.SERVICE_STARTED) {
                String id = "wait:" + d + ":" + condition.composeName().substring("service_".length())
                        + (dep.required() ? "" : ":optional");
                if (!steps.has(id)) {
                    steps.add(id, new Operation.WaitForCondition(d, condition, dep.required()), started.get(d));
                }
                gate.add(id);
            } else {
                gate.addAll(started.get(d));
            }
        }
        return gate;
    }
}
