package dev.jcompose.content;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;

/** The content store could not keep, verify or read a blob. */
public class ContentException extends JcomposeException {
    public ContentException(String message, String hint, Throwable cause) {
        super(message, hint, ExitCode.FAILURE, cause);
    }

    public ContentException(String message, String hint) {
        this(message, hint, null);
    }
}
