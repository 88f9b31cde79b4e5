package dev.jcompose.container;

import dev.jcompose.host.HostPaths;
import java.nio.file.Path;

/**
 * The files of one container. Volatile state (bundle, pid and exit files, logs) under
 * {@code runRoot/containers/<id>}; the writable layer and mount point under
 * {@code dataRoot/containers/<id>} so they survive a reboot of /run.
 */
public record ContainerDirs(Path state, Path data) {
    public static ContainerDirs of(HostPaths paths, String id) {
        return new ContainerDirs(
                paths.runRoot().resolve("containers").resolve(id),
                paths.dataRoot().resolve("containers").resolve(id));
    }

    public Path record() {
        return state.resolve("state.json");
    }

    public Path bundle() {
        return state.resolve("bundle");
    }

    public Path exitDir() {
        return state.resolve("exit");
    }

    public Path log() {
        return state.resolve("container.log");
    }

    public Path runtimeLog() {
        return state.resolve("runtime.log");
    }

    public Path containerPidFile() {
        return state.resolve("container.pid");
    }

    public Path conmonPidFile() {
        return state.resolve("conmon.pid");
    }
}
