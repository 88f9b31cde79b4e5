package dev.jcompose.plan;

import dev.jcompose.observe.ObservedContainer;
import dev.jcompose.observe.ObservedState;
import dev.jcompose.state.ContainerState;
import java.util.ArrayList;
import java.util.List;

/**
 * Orphans are the project's service containers whose service the compose file no longer declares.
 * {@code up} reports them, and with {@code --remove-orphans} stops and removes them before anything
 * else happens; there a one-off {@code run} container is an orphan once it has exited, as in compose. {@code down --remove-orphans}
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
        List<ObservedContainer> orphans = observed.projectContainers(desired.name(), true).stream()
                .filter(c -> down ? (options.removeOrphans() || !c.oneOff()) && !declared(c) : orphanOfUp(c))
                .toList();
        List<String> removes = new ArrayList<>();
        if (orphans.isEmpty()) {
            return removes;
        }
        if (!options.removeOrphans()) {
            if (down) {
                return removes;
            }
            steps.warn("Found orphan containers ("
                    + String.join(
                            ", ", orphans.stream().map(ObservedContainer::name).toList())
                    + ") for this project. If you removed or renamed this service in your compose file, "
                    + "you can run this command with the --remove-orphans flag to clean it up.");
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

    private boolean declared(ObservedContainer c) {
        return c.service() != null && desired.declares(c.service());
    }

    /**
     * compose's orphans for {@code up}: a service container whose service the file no longer
     * declares, and a one-off that has exited (a running one-off is left to its {@code run}).
     */
    private boolean orphanOfUp(ObservedContainer c) {
        return c.oneOff() ? c.state() == ContainerState.EXITED || c.state() == ContainerState.DEAD : !declared(c);
    }
}
