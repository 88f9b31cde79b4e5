package dev.jcompose.api;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;

/** A compose command failed on the stack (a container, a dependency, a wait). */
public final class StackException extends JcomposeException {
    public StackException(String message, String hint) {
        super(message, hint, ExitCode.FAILURE);
    }

    public StackException(String message, String hint, Throwable cause) {
        super(message, hint, ExitCode.FAILURE, cause);
    }
}
