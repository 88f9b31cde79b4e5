package dev.jcompose.daemon;

import dev.jcompose.engine.EngineContext;
import dev.jcompose.host.HostAccess;

/**
 * Service-provider interface through which the engine wiring contributes its methods (up, down,
 * ps, logs, exec...). {@link EngineMain} loads every implementation listed in
 * {@code META-INF/services/dev.jcompose.daemon.HandlerRegistry} before it starts serving.
 */
public interface HandlerRegistry {
    /**
     * @param engine the process's one engine context (its one Vert.x instance)
     * @param host   the machine's seams, built once by {@link EngineMain}
     */
    void register(MethodRegistry methods, EngineContext engine, HostAccess host);

    /**
     * Whether the engine must keep running though no CLI is connected (with idle shutdown on):
     * true while this part of the engine supervises something. Called on the engine context.
     */
    default boolean keepsEngineAlive() {
        return false;
    }
}
