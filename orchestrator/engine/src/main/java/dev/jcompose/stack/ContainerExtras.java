package dev.jcompose.stack;

import dev.jcompose.container.CreateRequest;
import java.time.Duration;
import java.util.List;

/**
 * What the stack remembers of a container beside the runtime's record, in
 * {@code runRoot/stack/containers/<id>/extras.json}: the create request (how it was made; an exited
 * container runs again from its kept bundle and writable layer, not from this), the healthcheck, the
 * restart policy and the anonymous volumes to remove with {@code -v}.
 *
 * @param healthArgv null when the container has no healthcheck
 */
public record ContainerExtras(
        CreateRequest request,
        String project,
        String service,
        List<String> healthArgv,
        Duration healthInterval,
        Duration healthTimeout,
        int healthRetries,
        Duration healthStartPeriod,
        Duration healthStartInterval,
        String restart,
        List<String> anonymousVolumes,
        String imageReference) {
    public ContainerExtras {
        healthArgv = healthArgv == null ? null : List.copyOf(healthArgv);
        anonymousVolumes = anonymousVolumes == null ? List.of() : List.copyOf(anonymousVolumes);
    }
}
