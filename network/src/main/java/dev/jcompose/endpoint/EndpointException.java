package dev.jcompose.endpoint;

import dev.jcompose.JcomposeException;

/** A container's network endpoint could not be planned, created or removed. */
public class EndpointException extends JcomposeException {
    public EndpointException(String message, String hint) {
        super(message, hint);
    }
}
