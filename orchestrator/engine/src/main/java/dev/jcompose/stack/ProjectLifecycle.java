package dev.jcompose.stack;

import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackListener;
import dev.jcompose.api.UpOptions;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.observe.Labels;
import dev.jcompose.observe.ObservedState;
import dev.jcompose.plan.DesiredProject;
import dev.jcompose.plan.LabelledProject;
import dev.jcompose.plan.Operation;
import dev.jcompose.plan.Plan;
import dev.jcompose.plan.PlanOptions;
import dev.jcompose.plan.Planner;
import dev.jcompose.state.ContainerState;
import java.time.Duration;
import java.util.List;

/**
 * {@code start}, {@code stop} and {@code restart} of a project known by name, "decide, then act" like
 * {@code up} and {@code down}: observe, rebuild the project's dependency graph from its containers'
 * labels ({@link LabelledProject}), plan ({@link Planner}: dependents stop first, dependencies start
 * first and dependents wait for their conditions), and execute the plan on the engine, so progress
 * events, supervision, health and cancellation behave as in {@code up} and {@code down}.
 */
final class ProjectLifecycle {
    private final Stack stack;

    ProjectLifecycle(Stack stack) {
        this.stack = stack;
    }

    void start(String projectName, List<String> services, StackListener listener) {
        run(projectName, PlanOptions.start().withServices(services, false), listener);
    }

    void stop(String projectName, List<String> services, Duration timeout, StackListener listener) {
        List<ContainerRecord> stopped = stack.runtime.list().stream()
                .filter(r -> Stack.ofProject(r, projectName) && !Stack.isUp(r))
                .filter(r -> !"True".equalsIgnoreCase(r.labels().get(Labels.ONEOFF)))
                .filter(r -> services.isEmpty() || services.contains(r.labels().get(Labels.SERVICE)))
                .toList();
        run(projectName, PlanOptions.stop().withServices(services, false).withTimeout(timeout), listener);
        // the plan has nothing to do for them, but docker compose stops every selected container and
        // reports each one Stopped, also one that was not running
        stopped.forEach(
                r -> listener.onEvent(StackEvent.container(r.name(), "Stopped").of(projectName)));
    }

    void restart(String projectName, List<String> services, Duration timeout, StackListener listener) {
        run(
                projectName,
                PlanOptions.restart().withServices(services, false).withTimeout(timeout),
                restartWords(listener));
    }

    /**
     * compose's restart says {@code Restarting} then {@code Started} for each container: its stop
     * is the restart's first half, so Stopping reads Restarting; Exited, Stopped and Starting are not shown.
     */
    private static StackListener restartWords(StackListener listener) {
        return e -> {
            if (!e.kind().equals("Container")) {
                listener.onEvent(e);
                return;
            }
            switch (e.status()) {
                case "Stopping" ->
                    listener.onEvent(new StackEvent(e.kind(), e.name(), "Restarting", e.detail(), e.project()));
                case "Stopped", "Starting", "Exited" -> {}
                default -> listener.onEvent(e);
            }
        };
    }

    private void run(String projectName, PlanOptions options, StackListener listener) {
        List<ContainerRecord> records = stack.runtime.list();
        ObservedState observed = stack.observe(records);
        DesiredProject desired = LabelledProject.desired(projectName, observed);
        Plan<Operation> plan = Planner.plan(desired, observed, options);
        List<ContainerRecord> mine =
                records.stream().filter(r -> Stack.ofProject(r, projectName)).toList();
        stack.adopt(mine);
        if (options.command() != PlanOptions.Command.START) {
            cancelPendingRestarts(mine, options);
        }
        stack.execute(desired.project(), records, plan, UpOptions.DEFAULT_WAIT, listener);
    }

    /**
     * An exited container waiting out its restart backoff has nothing for a stop step to stop, but
     * the user stopping its service means the policy must not start it again (docker cancels it too).
     */
    private void cancelPendingRestarts(List<ContainerRecord> records, PlanOptions options) {
        List<String> ids = records.stream()
                .filter(r -> r.state() == ContainerState.EXITED
                        && !"True".equalsIgnoreCase(r.labels().get(Labels.ONEOFF)))
                .filter(r -> options.services().isEmpty()
                        || options.services().contains(r.labels().get(Labels.SERVICE)))
                .map(ContainerRecord::id)
                .toList();
        stack.dropPendingRestarts(ids);
    }
}
