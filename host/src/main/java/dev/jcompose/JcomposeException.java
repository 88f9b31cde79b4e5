package dev.jcompose;

import java.util.Objects;

/**
 * Root of jcompose's one unchecked exception hierarchy.
 *
 * <p>Every failure a user can see carries three things: what failed and on what (the message), how
 * to fix it (the hint, may be absent when there is nothing useful to say), and the process exit
 * code the CLI reports (docker compose's where it has one, see {@link ExitCode}).
 */
public class JcomposeException extends RuntimeException {
    private final String hint;
    private final int exitCode;

    public JcomposeException(String message, String hint, int exitCode, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.hint = hint;
        this.exitCode = exitCode;
    }

    public JcomposeException(String message, String hint, int exitCode) {
        this(message, hint, exitCode, null);
    }

    public JcomposeException(String message, String hint) {
        this(message, hint, ExitCode.FAILURE, null);
    }

    /** How to fix it, or {@code null}. */
    public String hint() {
        return hint;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The text the CLI prints on stderr: the message, then the hint on its own line. */
    public String describe() {
        return hint == null ? getMessage() : getMessage() + System.lineSeparator() + "  hint: " + hint;
    }
}
