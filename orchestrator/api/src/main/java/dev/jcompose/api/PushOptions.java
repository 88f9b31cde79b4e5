package dev.jcompose.api;

import java.util.List;

/**
 * {@code push}: the services whose images to push (all when empty; the caller has already added their
 * dependencies for {@code --include-deps}), and whether a failed push is a warning instead of the end.
 */
public record PushOptions(List<String> services, boolean ignoreFailures) {
    public PushOptions {
        services = List.copyOf(services);
    }
}
