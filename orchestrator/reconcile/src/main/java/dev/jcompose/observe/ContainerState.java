package dev.jcompose.observe;

import dev.jcompose.JcomposeException;
import java.util.Locale;

/** A container's status as the engine reports it ({@code State.Status}). */
public enum ContainerState {
    CREATED,
    RUNNING,
    PAUSED,
    RESTARTING,
    EXITED,
    DEAD;

    /** Whether processes exist that a stop must end. */
    public boolean isUp() {
        return this == RUNNING || this == PAUSED || this == RESTARTING;
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContainerState parse(String text) {
        for (ContainerState s : values()) {
            if (s.text().equals(text)) {
                return s;
            }
        }
        throw new JcomposeException(
                "unknown container state: " + text,
                "expected one of created, running, paused, restarting, exited, dead");
    }
}
