package dev.jcompose.plan;

import dev.jcompose.observe.ObservedContainer;

/**
 * What {@code up} does with one replica of a service. {@code observed} is the existing container,
 * {@code null} for a new one; {@code name} is the name the replica has after the plan.
 */
record Fate(String service, int number, String name, Action action, ObservedContainer observed) {
    enum Action {
        /** Up to date and running (or paused): untouched. */
        KEEP,
        /** Up to date but not running: started. */
        START,
        CREATE,
        RECREATE,
        /** Beyond the service's scale: stopped and removed. */
        REMOVE
    }

    boolean kept() {
        return action != Action.REMOVE;
    }
}
