package dev.jcompose.host;

/** What a finished command did. */
public record CommandResult(Command command, int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }

    /** This result if the command succeeded, else a {@link CommandFailedException} naming it. */
    public CommandResult orThrow() {
        if (!ok()) {
            throw new CommandFailedException(this);
        }
        return this;
    }
}
