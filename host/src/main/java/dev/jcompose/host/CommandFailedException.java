package dev.jcompose.host;

import dev.jcompose.JcomposeException;

/** A host command exited non-zero, timed out, or could not be started. */
public class CommandFailedException extends JcomposeException {
    private final transient CommandResult result;

    public CommandFailedException(CommandResult result) {
        super(
                "command failed (exit " + result.exitCode() + "): "
                        + result.command().display()
                        + (result.stderr().isBlank()
                                ? ""
                                : ": " + result.stderr().strip()),
                "check that the program is installed and that jcompose runs as root");
        this.result = result;
    }

    public CommandFailedException(Command command, String why, Throwable cause) {
        super(
                "could not run " + command.display() + ": " + why,
                "install the program (bin/test installs the host packages jcompose needs)",
                dev.jcompose.ExitCode.FAILURE,
                cause);
        this.result = null;
    }

    /** The result, or {@code null} if the command never ran. */
    public CommandResult result() {
        return result;
    }
}
