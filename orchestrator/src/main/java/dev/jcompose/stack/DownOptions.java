package dev.jcompose.stack;

import java.time.Duration;

/**
 * {@code down}'s command line.
 *
 * @param volumes       {@code -v}: also remove named (non-external) and anonymous volumes
 * @param timeout       stop grace period; null = each service's stop_grace_period
 */
public record DownOptions(boolean volumes, boolean removeOrphans, Duration timeout) {
    public static DownOptions defaults() {
        return new DownOptions(false, false, null);
    }
}
