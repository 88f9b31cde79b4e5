package dev.jcompose.build;

import dev.jcompose.container.ContainerRuntime;
import dev.jcompose.container.HostImages;
import dev.jcompose.host.Clock;
import dev.jcompose.host.CommandRunner;
import dev.jcompose.host.HostPaths;

/**
 * The real {@link ImageBuilder}: parses the Dockerfile, builds the stages the target needs (each
 * step on overlay snapshots of the one before; RUN in a container of {@code runtime}), reuses
 * cached steps, and stores the result in the image store.
 */
public final class DockerfileBuilder implements ImageBuilder {
    private final HostImages images;
    private final ContainerRuntime runtime;
    private final HostPaths paths;
    private final CommandRunner runner;
    private final Clock clock;

    public DockerfileBuilder(
            HostImages images, ContainerRuntime runtime, HostPaths paths, CommandRunner runner, Clock clock) {
        this.images = images;
        this.runtime = runtime;
        this.paths = paths;
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public BuildResult build(BuildRequest request, BuildListener listener) {
        throw new UnsupportedOperationException("not yet");
    }
}
