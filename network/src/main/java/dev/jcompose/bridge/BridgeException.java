package dev.jcompose.bridge;

import dev.jcompose.JcomposeException;

/** A network (bridge) could not be created, found or removed. */
public class BridgeException extends JcomposeException {
    public BridgeException(String message, String hint) {
        super(message, hint);
    }
}
