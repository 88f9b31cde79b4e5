package dev.jcompose.api;

import java.time.Duration;

/**
 * {@code down}'s command line.
 *
 * @param volumes       {@code -v}: also remove named (non-external) and anonymous volumes
 * @param timeout       stop grace period; null = each service's stop_grace_period
 * @param rmi           {@code --rmi local|all}: also remove the services' images; null = keep them
 * @param services      {@code down SERVICE...}: only these services' containers (and their dependents');
 *                      the networks and volumes stay while other containers of the project remain
 */
public record DownOptions(
        boolean volumes, boolean removeOrphans, Duration timeout, String rmi, java.util.List<String> services) {
    public DownOptions {
        ImageRemovalScope.parse(rmi); // refuses a bad value before anything is stopped
        services = services == null ? java.util.List.of() : java.util.List.copyOf(services);
    }

    public DownOptions(boolean volumes, boolean removeOrphans, Duration timeout, String rmi) {
        this(volumes, removeOrphans, timeout, rmi, java.util.List.of());
    }

    public DownOptions(boolean volumes, boolean removeOrphans, Duration timeout) {
        this(volumes, removeOrphans, timeout, null);
    }

    public static DownOptions defaults() {
        return new DownOptions(false, false, null, null);
    }
}
