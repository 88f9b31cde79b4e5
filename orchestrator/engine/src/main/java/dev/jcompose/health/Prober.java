package dev.jcompose.health;

import io.vertx.core.Future;
import java.time.Duration;

/**
 * Runs a container's healthcheck command once (the runtime's exec). Called on the engine loop.
 * The {@link HealthMonitor} enforces {@code timeout} itself and ignores a late answer; the prober
 * gets it too so it can kill the exec.
 */
@FunctionalInterface
public interface Prober {
    Future<ProbeOutput> probe(String containerId, Duration timeout);

    /** What the healthcheck command printed and how it exited. */
    record ProbeOutput(int exitCode, String output) {}
}
