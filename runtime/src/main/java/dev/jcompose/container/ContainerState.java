package dev.jcompose.container;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A container's lifecycle. runc cannot start an exited container again, so running it again goes back
 * to CREATED: its runtime state is deleted and created anew on the same bundle and writable layer
 * ({@link ContainerRuntime#restart}).
 */
public enum ContainerState {
    CREATED,
    RUNNING,
    PAUSED,
    EXITED,
    REMOVED;

    private static final Map<ContainerState, Set<ContainerState>> NEXT = Map.of(
            CREATED, EnumSet.of(RUNNING, EXITED, REMOVED),
            RUNNING, EnumSet.of(PAUSED, EXITED),
            PAUSED, EnumSet.of(RUNNING, EXITED),
            EXITED, EnumSet.of(CREATED, REMOVED),
            REMOVED, EnumSet.noneOf(ContainerState.class));

    public boolean canGo(ContainerState to) {
        return NEXT.get(this).contains(to);
    }

    /** The state runc reports ({@code runc state}'s status field). */
    public static ContainerState fromRuntime(String status) {
        return switch (status) {
            case "created", "creating" -> CREATED;
            case "running" -> RUNNING;
            case "paused", "pausing" -> PAUSED;
            default -> EXITED;
        };
    }

    public String lower() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
