package dev.jcompose.stack;

import dev.jcompose.host.HostPaths;
import java.nio.file.Path;

/**
 * Where the stack keeps its own files: per-container files ({@code /etc/hosts}, resolv.conf,
 * hostname and the create request, for restarts) under {@code runRoot/stack/containers/<id>}
 * (they describe live containers and go with them), network labels under
 * {@code runRoot/stack/networks}, volumes and leases under {@code dataRoot} (they outlive reboots).
 */
public record StackPaths(HostPaths host) {
    public Path containerDir(String id) {
        return host.runRoot().resolve("stack").resolve("containers").resolve(id);
    }

    public Path networkLabels() {
        return host.runRoot().resolve("stack").resolve("networks");
    }

    public Path volumes() {
        return host.dataRoot().resolve("volumes");
    }

    /** Leases outlive the engine and a reboot, like the volumes their projects may hold. */
    public Path leases() {
        return host.dataRoot().resolve("leases");
    }

    public Path stackRoot() {
        return host.runRoot().resolve("stack");
    }
}
