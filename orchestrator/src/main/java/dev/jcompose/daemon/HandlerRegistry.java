package dev.jcompose.daemon;

import dev.jcompose.engine.EngineContext;

/**
 * Service-provider interface through which the engine wiring contributes its methods (up, down,
 * ps, logs, exec...). {@link EngineMain} loads every implementation listed in
 * {@code META-INF/services/dev.jcompose.daemon.HandlerRegistry} before it starts serving.
 */
public interface HandlerRegistry {
    void register(MethodRegistry methods, EngineContext engine);
}
