package dev.jcompose.image;

import dev.jcompose.ExitCode;

/** An image reference does not follow docker's reference grammar. */
public class InvalidReferenceException extends ImageException {
    private final String reference;

    public InvalidReferenceException(String reference, String problem, String hint) {
        super("invalid image reference \"" + reference + "\": " + problem, hint, ExitCode.FAILURE, null);
        this.reference = reference;
    }

    public String reference() {
        return reference;
    }
}
