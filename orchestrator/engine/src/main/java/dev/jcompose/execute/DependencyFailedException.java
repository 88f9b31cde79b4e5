package dev.jcompose.execute;

import dev.jcompose.JcomposeException;

/** A depends_on condition cannot hold (or did not in time): the dependent service is not started. */
public final class DependencyFailedException extends JcomposeException {
    private final String service;
    private final String optionalWarning;

    public DependencyFailedException(String service, String message, String hint) {
        this(service, message, hint, "optional dependency \"" + service + "\" failed: " + message);
    }

    public DependencyFailedException(String service, String message, String hint, String optionalWarning) {
        super(message, hint);
        this.service = service;
        this.optionalWarning = optionalWarning;
    }

    /** What docker compose warns, going on, when the dependency is optional ({@code required: false}). */
    public String optionalWarning() {
        return optionalWarning;
    }

    /** The dependency that failed. */
    public String service() {
        return service;
    }
}
