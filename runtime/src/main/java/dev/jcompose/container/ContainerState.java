package dev.jcompose.container;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A container's lifecycle. runc cannot restart an exited container: a restart is delete + create.
 */
public enum ContainerState {
    CREATED, RUNNING, PAUSED, EXITED, REMOVED;

    private static final Map<ContainerState, Set<ContainerState>> NEXT = Map.of(
            CREATED, EnumSet.of(RUNNING, EXITED, REMOVED),
            RUNNING, EnumSet.of(PAUSED, EXITED),
            PAUSED, EnumSet.of(RUNNING, EXITED),
            EXITED, EnumSet.of(REMOVED),
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
