package dev.jcompose.console;

import java.util.Locale;

/** A container's state as docker names it in {@code ps}: {@code running}, {@code exited}... */
public enum ContainerStateName {
    CREATED,
    RUNNING,
    PAUSED,
    RESTARTING,
    REMOVING,
    EXITED,
    DEAD;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
