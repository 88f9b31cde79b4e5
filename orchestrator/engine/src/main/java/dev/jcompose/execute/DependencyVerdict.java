package dev.jcompose.execute;

import dev.jcompose.model.DependencyCondition;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.util.List;

/** Whether a depends_on condition holds for a service's containers right now. */
public sealed interface DependencyVerdict {
    record Satisfied() implements DependencyVerdict {}

    /** Not yet; may still hold later. */
    record Waiting() implements DependencyVerdict {}

    /**
     * Can no longer hold: the dependent must not start. {@code optionalWarning} is what docker
     * compose warns instead when the dependency is optional ({@code required: false}).
     */
    record Failed(String message, String optionalWarning) implements DependencyVerdict {
        /** A healthy wait's failure: {@code dependency failed to start: <reason>}. */
        static Failed toStart(String service, String reason) {
            return new Failed(
                    "dependency failed to start: " + reason,
                    "optional dependency \"" + service + "\" failed to start: " + reason);
        }
    }

    /**
     * A running container without a healthcheck awaited as healthy: fails, unless it exits first.
     * docker compose looks at a dependency only on its first poll, half a second in, so a container
     * that exits at once is reported as exited (with its code), not as lacking a healthcheck.
     */
    record NoHealthcheck(Failed failure) implements DependencyVerdict {}

    /**
     * Decides, as docker compose does: a healthy wait fails on an exited, unhealthy or
     * healthcheck-less container; a completion wait fails on a non-zero exit.
     */
    static DependencyVerdict evaluate(String service, DependencyCondition condition, List<ContainerStatus> containers) {
        if (containers.isEmpty()) {
            return new Waiting();
        }
        return switch (condition) {
            case SERVICE_STARTED ->
                containers.stream().allMatch(c -> c.state() != ContainerState.CREATED)
                        ? new Satisfied()
                        : new Waiting();
            case SERVICE_HEALTHY -> healthy(service, containers);
            case SERVICE_COMPLETED_SUCCESSFULLY -> completed(service, containers);
        };
    }

    private static DependencyVerdict healthy(String service, List<ContainerStatus> containers) {
        boolean waiting = false;
        for (ContainerStatus c : containers) {
            if (c.state() == ContainerState.EXITED) {
                return Failed.toStart(service, "container " + c.name() + " exited (" + c.exitCode() + ")");
            }
            if (c.health() == Health.NONE) {
                return new NoHealthcheck(
                        Failed.toStart(service, "container " + c.name() + " has no healthcheck configured"));
            }
            if (c.health() == Health.UNHEALTHY) {
                return Failed.toStart(service, "container " + c.name() + " is unhealthy");
            }
            waiting |= c.state() == ContainerState.CREATED || c.health() == Health.STARTING;
        }
        return waiting ? new Waiting() : new Satisfied();
    }

    private static DependencyVerdict completed(String service, List<ContainerStatus> containers) {
        boolean waiting = false;
        for (ContainerStatus c : containers) {
            if (c.state() != ContainerState.EXITED) {
                waiting = true;
            } else if (c.exitCode() != 0) {
                String outcome = "\"" + service + "\" didn't complete successfully: exit " + c.exitCode();
                return new Failed("service " + outcome, "optional dependency " + outcome);
            }
        }
        return waiting ? new Waiting() : new Satisfied();
    }
}
