package dev.jcompose.execute;

import java.util.List;

/**
 * The engine's view of a service's containers, kept current by runtime events. Called on the engine
 * loop; listeners are called on the engine loop.
 */
public interface ServiceObserver {
    /** The service's containers right now, by name; empty before they are created. */
    List<ContainerStatus> containers(String service);

    /**
     * Calls {@code onChange} after every change to any of the service's containers (created,
     * started, exited, health changed). Running the returned handle unsubscribes.
     */
    Runnable subscribe(String service, Runnable onChange);
}
