package dev.jcompose.execute;

import dev.jcompose.JcomposeException;

/** A depends_on condition cannot hold (or did not in time): the dependent service is not started. */
public final class DependencyFailedException extends JcomposeException {
    private final String service;

    public DependencyFailedException(String service, String message, String hint) {
        super(message, hint);
        this.service = service;
    }

    /** The dependency that failed. */
    public String service() {
        return service;
    }
}
