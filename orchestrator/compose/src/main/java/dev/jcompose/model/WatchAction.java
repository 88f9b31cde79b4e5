package dev.jcompose.model;

import dev.jcompose.JcomposeException;
import java.util.Arrays;

/** What {@code develop.watch} does when a watched file changes ({@code action}). */
public enum WatchAction {
    SYNC("sync"),
    SYNC_RESTART("sync+restart"),
    SYNC_EXEC("sync+exec"),
    RESTART("restart"),
    REBUILD("rebuild");

    private final String text;

    WatchAction(String text) {
        this.text = text;
    }

    /** The compose file's spelling. */
    public String text() {
        return text;
    }

    /** Copies the changed files into the containers (sync, sync+restart, sync+exec). */
    public boolean syncs() {
        return this == SYNC || this == SYNC_RESTART || this == SYNC_EXEC;
    }

    public static WatchAction of(String text, String service) {
        return Arrays.stream(values())
                .filter(a -> a.text.equals(text))
                .findFirst()
                .orElseThrow(() -> new JcomposeException(
                        "service " + service + ": develop.watch action \"" + text + "\" is not one of sync,"
                                + " sync+restart, sync+exec, restart, rebuild",
                        "fix the action in the compose file"));
    }
}
