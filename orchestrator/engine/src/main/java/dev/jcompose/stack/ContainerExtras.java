package dev.jcompose.stack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.util.List;

/**
 * What the stack remembers of a container beside the runtime's record, in
 * {@code runRoot/stack/containers/<id>/extras.json}: the healthcheck, the restart policy and the
 * anonymous volumes to remove with {@code -v}. How the container was made is the runtime's record
 * alone (its spec, labels and image); its addresses and ports are the network's state alone. Files
 * written by engines before this one also held the whole create request: it is ignored when read.
 *
 * @param healthArgv null when the container has no healthcheck
 * @param exposedPorts the image's and the service's {@code expose} ports ({@code 80/tcp}), shown by {@code ps}
 */
@JsonIgnoreProperties({"request"})
public record ContainerExtras(
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
        String imageReference,
        List<String> exposedPorts) {
    public ContainerExtras {
        healthArgv = healthArgv == null ? null : List.copyOf(healthArgv);
        anonymousVolumes = anonymousVolumes == null ? List.of() : List.copyOf(anonymousVolumes);
        exposedPorts = exposedPorts == null ? List.of() : List.copyOf(exposedPorts);
    }
}
