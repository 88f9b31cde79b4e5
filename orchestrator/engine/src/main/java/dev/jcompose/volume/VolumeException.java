package dev.jcompose.volume;

import dev.jcompose.JcomposeException;

/** A volume could not be created, read or removed. */
public final class VolumeException extends JcomposeException {
    public VolumeException(String message, String hint) {
        super(message, hint);
    }
}
