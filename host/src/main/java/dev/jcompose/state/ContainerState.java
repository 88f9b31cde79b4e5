package dev.jcompose.state;

import dev.jcompose.JcomposeException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A container's state, docker's set ({@code State.Status}). The runtime records only CREATED,
 * RUNNING, PAUSED and EXITED: RESTARTING is the engine's word for an exited container its restart
 * policy will start again, REMOVING the one-way step of a removal (after it the record is gone), DEAD
 * what the engine cannot use. runc cannot start an exited container again, so running it again goes
 * back to CREATED: its runtime state is deleted and created anew on the same bundle and writable layer.
 */
public enum ContainerState {
    CREATED,
    RUNNING,
    PAUSED,
    RESTARTING,
    REMOVING,
    EXITED,
    DEAD;

    /** The runtime's transitions; the states it never records go nowhere. */
    private static final Map<ContainerState, Set<ContainerState>> NEXT = Map.of(
            CREATED, EnumSet.of(RUNNING, EXITED, REMOVING),
            RUNNING, EnumSet.of(PAUSED, EXITED),
            PAUSED, EnumSet.of(RUNNING, EXITED),
            RESTARTING, EnumSet.noneOf(ContainerState.class),
            REMOVING, EnumSet.noneOf(ContainerState.class),
            EXITED, EnumSet.of(CREATED, REMOVING),
            DEAD, EnumSet.noneOf(ContainerState.class));

    /** Whether the runtime may take a container in this state to {@code to}. */
    public boolean canGo(ContainerState to) {
        return NEXT.get(this).contains(to);
    }

    /** Whether processes exist that a stop must end. */
    public boolean isUp() {
        return this == RUNNING || this == PAUSED || this == RESTARTING;
    }

    /** docker's spelling: {@code running}, {@code exited}... */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state of docker's spelling {@code text}. */
    public static ContainerState parse(String text) {
        for (ContainerState s : values()) {
            if (s.text().equals(text)) {
                return s;
            }
        }
        throw new JcomposeException(
                "unknown container state: " + text,
                "expected one of created, running, paused, restarting, removing, exited, dead");
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
}
