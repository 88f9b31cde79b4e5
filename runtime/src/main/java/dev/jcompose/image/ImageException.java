package dev.jcompose.image;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;

/** An image could not be resolved, pulled, loaded, read or removed. */
public class ImageException extends JcomposeException {
    public ImageException(String message, String hint, int exitCode, Throwable cause) {
        super(message, hint, exitCode, cause);
    }

    public ImageException(String message, String hint) {
        super(message, hint, ExitCode.FAILURE, null);
    }
}
