package dev.jcompose.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code logs}' command line.
 *
 * @param tail  the last n lines per container; negative = all
 * @param since only records at or after this time; null = all
 */
public record LogOptions(List<String> services, boolean follow, int tail, boolean timestamps, Instant since) {
    public LogOptions {
        services = services == null ? List.of() : List.copyOf(services);
    }

    public static LogOptions all() {
        return new LogOptions(List.of(), false, -1, false, null);
    }
}
