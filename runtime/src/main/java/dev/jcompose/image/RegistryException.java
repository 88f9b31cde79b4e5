package dev.jcompose.image;

import dev.jcompose.ExitCode;

/**
 * Talking to a registry failed. A pull failure exits with 18 as docker compose's does; a push failure
 * with 1 (compose has no category for it).
 */
public class RegistryException extends ImageException {
    public RegistryException(String message, String hint, int exitCode, Throwable cause) {
        super(message, hint, exitCode, cause);
    }

    public RegistryException(String message, String hint, Throwable cause) {
        super(message, hint, ExitCode.PULL, cause);
    }

    public RegistryException(String message, String hint) {
        this(message, hint, null);
    }
}
