package dev.jcompose.plan;

import dev.jcompose.graph.ServiceGraph;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.observe.ObservedContainer;
import dev.jcompose.observe.ObservedState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans {@code stop} (and the first half of {@code restart}): the running, paused or restarting
 * containers of the selected services (all when none is named) stop in reverse dependency order,
 * as compose's reverse-dependency traversal does: a service's stops wait for the stops of the
 * selected services that depend on it, directly or through services that are not selected or have
 * nothing to stop; independent services stop in parallel. One-off containers are left alone.
 */
final class StopPlanner {
    private final DesiredProject desired;
    private final ObservedState observed;
    private final PlanOptions options;
    private final StepList steps;

    StopPlanner(DesiredProject desired, ObservedState observed, PlanOptions options, StepList steps) {
        this.desired = desired;
        this.observed = observed;
        this.options = options;
        this.steps = steps;
    }

    /** Plans the stops; returns each stopped container's name to its stop step id. */
    Map<String, String> plan() {
        ServiceGraph graph = desired.graph();
        Map<String, List<String>> done = new HashMap<>();
        Map<String, String> stopped = new LinkedHashMap<>();
        for (String service : graph.stopOrder()) {
            List<String> after = new ArrayList<>();
            graph.dependentsOf(service).forEach(d -> after.addAll(done.get(d)));
            List<String> ids = new ArrayList<>();
            if (options.services().isEmpty() || options.services().contains(service)) {
                for (ObservedContainer c : observed.serviceContainers(desired.name(), service)) {
                    if (c.state().isUp()) {
                        String id = steps.add(
                                "stop:" + c.name(),
                                new Operation.StopContainer(service, c.number(), c.name(), timeout(service)),
                                after);
                        ids.add(id);
                        stopped.put(c.name(), id);
                    }
                }
            }
            done.put(service, ids.isEmpty() ? after : ids);
        }
        return stopped;
    }

    private Duration timeout(String service) {
        if (options.timeout() != null) {
            return options.timeout();
        }
        ServiceConfig s = desired.service(service);
        return s == null ? null : s.stopGracePeriod();
    }
}
