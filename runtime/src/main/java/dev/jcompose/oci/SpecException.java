package dev.jcompose.oci;

import dev.jcompose.JcomposeException;

/** A container's settings cannot be turned into a runtime spec (unknown user, bad capability...). */
public class SpecException extends JcomposeException {
    public SpecException(String message, String hint) {
        super(message, hint);
    }
}
