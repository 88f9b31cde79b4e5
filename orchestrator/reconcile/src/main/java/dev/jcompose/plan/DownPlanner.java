package dev.jcompose.plan;

import dev.jcompose.model.NetworkConfig;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.model.VolumeConfig;
import dev.jcompose.observe.ObservedContainer;
import dev.jcompose.observe.ObservedState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plans {@code down}: the project's containers are stopped in reverse dependency order (a service's
 * containers stop once everything depending on it has stopped) and each is removed once stopped, so
 * removals overlap; then the project's
 * networks and, with {@code -v}, its named volumes are removed. External resources, and resources
 * another project or no compose project labelled, are never touched (compose removes a volume by
 * name alone; checking the label keeps {@code down -v} from deleting data it did not create).
 */
final class DownPlanner {
    private final DesiredProject desired;
    private final ObservedState observed;
    private final PlanOptions options;
    private final StepList steps = new StepList();

    DownPlanner(DesiredProject desired, ObservedState observed, PlanOptions options) {
        this.desired = desired;
        this.observed = observed;
        this.options = options;
    }

    Plan<Operation> plan() {
        List<String> removes = new ArrayList<>();
        Map<String, List<String>> done = new HashMap<>();
        List<String> order = new ArrayList<>(desired.disabled());
        order.addAll(desired.graph().stopOrder());
        java.util.Set<String> selected = selected();
        for (String service : order) {
            if (selected != null && !selected.contains(service)) {
                continue;
            }
            List<String> gate = new ArrayList<>();
            if (desired.project().services().containsKey(service)) {
                desired.graph().dependentsOf(service).forEach(d -> gate.addAll(done.get(d)));
            }
            List<String> ids = new ArrayList<>();
            // what the service's dependencies wait for before they stop: its containers stopped (those
            // already down pass their own gate on), not removed, so removals run side by side
            List<String> stopped = new ArrayList<>(gate);
            for (ObservedContainer c : containersOf(service)) {
                List<String> deps = gate;
                if (c.state().isUp()) {
                    deps = List.of(steps.add(
                            "stop:" + c.name(),
                            new Operation.StopContainer(service, c.number(), c.name(), timeout(service)),
                            gate));
                    stopped.addAll(deps);
                }
                ids.add(steps.add(
                        "remove:" + c.name(),
                        new Operation.RemoveContainer(service, c.number(), c.name(), options.removeVolumes()),
                        deps));
            }
            done.put(service, List.copyOf(new java.util.LinkedHashSet<>(stopped)));
            removes.addAll(ids);
        }
        removes.addAll(new OrphanSteps(desired, observed, options, steps).plan(true));
        if (selected != null && othersRemain(selected)) {
            return steps.plan(); // the project's networks and volumes still serve its other services
        }
        removeNetworks(removes);
        if (options.removeVolumes()) {
            removeVolumes(removes);
        }
        return steps.plan();
    }

    /**
     * {@code down SERVICE...}: the named services and every service depending on them (they cannot
     * run without them), as compose walks the graph down from the named roots; null for all.
     */
    private java.util.Set<String> selected() {
        if (options.services().isEmpty()) {
            return null;
        }
        java.util.Set<String> out = new java.util.TreeSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(options.services());
        while (!todo.isEmpty()) {
            String service = todo.pop();
            if (out.add(service) && desired.project().services().containsKey(service)) {
                todo.addAll(desired.graph().dependentsOf(service));
            }
        }
        return out;
    }

    /** Whether a container of a service outside {@code selected} (or an orphan kept) is left. */
    private boolean othersRemain(java.util.Set<String> selected) {
        return observed.projectContainers(desired.name(), options.removeOrphans()).stream()
                .anyMatch(c ->
                        c.service() == null || (!selected.contains(c.service()) && !steps.has("remove:" + c.name())));
    }

    /** The service's containers; with {@code --remove-orphans}, its one-off containers too (compose's rule). */
    private List<ObservedContainer> containersOf(String service) {
        return observed.projectContainers(desired.name(), options.removeOrphans()).stream()
                .filter(c -> service.equals(c.service()))
                .toList();
    }

    private Duration timeout(String service) {
        if (options.timeout() != null) {
            return options.timeout();
        }
        ServiceConfig s = desired.service(service);
        return s == null ? null : s.stopGracePeriod();
    }

    private void removeNetworks(List<String> removes) {
        desired.project().networks().forEach((key, n) -> {
            String name = networkName(key, n);
            if (!n.external()
                    && observed.network(name)
                            .filter(o -> Objects.equals(o.project(), desired.name()))
                            .isPresent()) {
                steps.add("network:" + name, new Operation.RemoveNetwork(key, name), removes);
            }
        });
    }

    private void removeVolumes(List<String> removes) {
        desired.project().volumes().forEach((key, v) -> {
            String name = volumeName(key, v);
            if (!v.external()
                    && observed.volume(name)
                            .filter(o -> Objects.equals(o.project(), desired.name()))
                            .isPresent()) {
                steps.add("volume:" + name, new Operation.RemoveVolume(key, name), removes);
            }
        });
    }

    private String networkName(String key, NetworkConfig n) {
        return n.name() == null ? desired.name() + "_" + key : n.name();
    }

    private String volumeName(String key, VolumeConfig v) {
        return v.name() == null ? desired.name() + "_" + key : v.name();
    }
}
