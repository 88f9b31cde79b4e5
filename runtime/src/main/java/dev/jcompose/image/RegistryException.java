package dev.jcompose.image;

import dev.jcompose.ExitCode;

/** Pulling from a registry failed (docker compose reports pull failures with exit code 18). */
public class RegistryException extends ImageException {
    public RegistryException(String message, String hint, Throwable cause) {
        super(message, hint, ExitCode.PULL, cause);
    }

    public RegistryException(String message, String hint) {
        this(message, hint, null);
    }
}
