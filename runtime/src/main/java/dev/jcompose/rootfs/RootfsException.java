package dev.jcompose.rootfs;

import dev.jcompose.JcomposeException;

/** A container root file system could not be prepared or released. */
public class RootfsException extends JcomposeException {
    public RootfsException(String message, String hint) {
        super(message, hint);
    }
}
