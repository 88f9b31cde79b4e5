package dev.jcompose.plan;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.graph.ServiceGraph;
import dev.jcompose.observe.ObservedContainer;
import dev.jcompose.observe.ObservedState;
import dev.jcompose.state.ContainerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans {@code start} (and the second half of {@code restart}): in dependency order, the created or
 * exited containers of each service start once its dependencies are started, healthy or completed,
 * as each depends_on condition says ({@link StartGate}, as in {@code up}). {@code start web} starts
 * web's dependencies too, as compose does; {@code restart web} starts only web (and the containers
 * the restart stopped), waiting for its dependencies' conditions.
 */
final class StartPlanner {
    private final DesiredProject desired;
    private final ObservedState observed;
    private final PlanOptions options;
    private final StepList steps;
    private final Map<String, String> stopped;

    /** @param stopped container name to the step of this plan that stops it (restart): it starts after that */
    StartPlanner(
            DesiredProject desired,
            ObservedState observed,
            PlanOptions options,
            StepList steps,
            Map<String, String> stopped) {
        this.desired = desired;
        this.observed = observed;
        this.options = options;
        this.steps = steps;
        this.stopped = stopped;
    }

    void plan() {
        ServiceGraph graph = desired.graph();
        if (!options.services().isEmpty()) {
            requireContainers(options.services());
            graph = graph.subgraph(options.services(), !options.noDeps());
        }
        boolean restart = options.command() == PlanOptions.Command.RESTART;
        Set<String> targets = restart && !options.services().isEmpty() ? options.services() : graph.services();
        StartGate gate = new StartGate(desired, graph, steps, d -> scale(d) != 0);
        Map<String, List<String>> started = new HashMap<>();
        for (String service : graph.startOrder()) {
            List<String> ids = new ArrayList<>();
            if (targets.contains(service) && scale(service) != 0) {
                List<String> after = gate.of(service, started);
                for (ObservedContainer c : observed.serviceContainers(desired.name(), service)) {
                    String stop = stopped.get(c.name());
                    if (stop == null && c.state() != ContainerState.CREATED && c.state() != ContainerState.EXITED) {
                        continue;
                    }
                    List<String> deps = new ArrayList<>();
                    if (stop != null) {
                        deps.add(stop);
                    }
                    deps.addAll(after);
                    ids.add(steps.add(
                            "start:" + c.name(), new Operation.StartContainer(service, c.number(), c.name()), deps));
                }
            }
            started.put(service, ids);
        }
    }

    private int scale(String service) {
        return desired.service(service).effectiveScale();
    }

    /** compose's words: a named service must have containers, which {@code up} or {@code create} makes. */
    private void requireContainers(Set<String> services) {
        for (String s : services) {
            if (!desired.graph().services().contains(s)
                    || observed.serviceContainers(desired.name(), s).isEmpty()) {
                throw new JcomposeException(
                        "service \"" + s + "\" has no container to start",
                        "create it with `jcompose up --no-start " + s + "` or start it with `jcompose up " + s + "`",
                        ExitCode.FAILURE);
            }
        }
    }
}
