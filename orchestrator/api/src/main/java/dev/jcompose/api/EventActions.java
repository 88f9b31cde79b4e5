package dev.jcompose.api;

import java.util.Map;
import java.util.Optional;

/**
 * Which progress event ({@link StackEvent}) is which container action of {@code jcompose events}.
 * The "doing" statuses (Creating, Starting...) are not events: the action is reported when done.
 * {@code Starting} is also a health status, which compose does not report either.
 */
public final class EventActions {
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("Created", "create"),
            Map.entry("Recreated", "create"),
            Map.entry("Started", "start"),
            Map.entry("Stopped", "stop"),
            Map.entry("Exited", "die"),
            Map.entry("Killed", "kill"),
            Map.entry("Paused", "pause"),
            Map.entry("Unpaused", "unpause"),
            Map.entry("Removed", "destroy"),
            Map.entry("Restarted", "restart"),
            Map.entry("Healthy", "health_status: healthy"),
            Map.entry("Unhealthy", "health_status: unhealthy"));

    private EventActions() {}

    /** The action of a container progress event; empty for other kinds and "doing" statuses. */
    public static Optional<String> of(StackEvent e) {
        if (!e.kind().equals("Container")) {
            return Optional.empty();
        }
        return Optional.ofNullable(ACTIONS.get(e.status()));
    }

    /** {@code (4)} of an Exited event as the exit code, if it is one. */
    public static Optional<String> exitCode(StackEvent e) {
        String d = e.detail();
        if (e.status().equals("Exited") && d.startsWith("(") && d.endsWith(")")) {
            return Optional.of(d.substring(1, d.length() - 1));
        }
        return Optional.empty();
    }
}
