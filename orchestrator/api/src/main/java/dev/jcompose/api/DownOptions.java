package dev.jcompose.api;

import java.time.Duration;

/**
 * {@code down}'s command line.
 *
 * @param volumes       {@code -v}: also remove named (non-external) and anonymous volumes
 * @param timeout       stop grace period; null = each service's stop_grace_period
 * @param rmi           {@code --rmi local|all}: also remove the services' images; null = keep them
 */
public record DownOptions(boolean volumes, boolean removeOrphans, Duration timeout, String rmi) {
    public DownOptions {
        ImageRemovalScope.parse(rmi); // refuses a bad value before anything is stopped
    }

    public DownOptions(boolean volumes, boolean removeOrphans, Duration timeout) {
        this(volumes, removeOrphans, timeout, null);
    }

    public static DownOptions defaults() {
        return new DownOptions(false, false, null, null);
    }
}
