package dev.jcompose.plan;

import dev.jcompose.observe.ObservedContainer;
import dev.jcompose.observe.ObservedState;
import java.util.ArrayList;
import java.util.List;

/**
 * Orphans are the project's service containers whose service the compose file no longer declares.
 * {@code up} reports them, and with {@code --remove-orphans} stops and removes them before anything
 * else happens; one-off {@code run} containers are not orphans there. {@code down --remove-orphans}
 * removes them too, one-offs included; plain {@code down} leaves them without a word, as compose does.
 */
final class OrphanSteps {
    private final DesiredProject desired;
    private final ObservedState observed;
    private final PlanOptions options;
    private final StepList steps;

    OrphanSteps(DesiredProject desired, ObservedState observed, PlanOptions options, StepList steps) {
        this.desired = desired;
        this.observed = observed;
        this.options = options;
        this.steps = steps;
    }

    /** Plans the removals (or, for {@code up}, the warning); returns the ids of the remove steps. */
    List<String> plan(boolean down) {
        List<ObservedContainer> orphans =
                observed.projectContainers(desired.name(), down && options.removeOrphans()).stream()
                        .filter(c -> c.service() == null || !desired.declares(c.service()))
                        .toList();
        List<String> removes = new ArrayList<>();
        if (orphans.isEmpty()) {
            return removes;
        }
        if (!options.removeOrphans()) {
            if (down) {
                return removes;
            }
            steps.warn("orphan containers "
                    + orphans.stream().map(ObservedContainer::name).toList()
                    + " belong to project " + desired.name() + " but to no service of its compose file; "
                    + "run up --remove-orphans to remove them");
            return removes;
        }
        for (ObservedContainer c : orphans) {
            String service = c.service() == null ? "" : c.service();
            List<String> deps = new ArrayList<>();
            if (c.state().isUp()) {
                deps.add(steps.add(
                        "stop:" + c.name(),
                        new Operation.StopContainer(service, c.number(), c.name(), options.timeout()),
                        List.of()));
            }
            removes.add(steps.add(
                    "remove:" + c.name(), new Operation.RemoveContainer(service, c.number(), c.name(), false), deps));
        }
        return removes;
    }
}
