package dev.jcompose.restart;

import io.vertx.core.Future;

/** Starts an existing, exited container again (the runtime's start). Called on the engine loop. */
@FunctionalInterface
public interface ContainerStarter {
    Future<?> start(String containerId);
}
