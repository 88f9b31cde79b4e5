package dev.jcompose.dockerfile;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;

/** A Dockerfile that cannot be parsed or built as written; the message names the file, line and instruction. */
public final class DockerfileException extends JcomposeException {
    public DockerfileException(SourceLine at, String problem, String hint) {
        super(at.file() + ":" + at.line() + ": " + at.keyword() + ": " + problem, hint, ExitCode.FAILURE);
    }

    /** A problem of the Dockerfile as a whole with what the build asked for (e.g. an unknown target stage). */
    public DockerfileException(String problem, String hint) {
        super(problem, hint, ExitCode.FAILURE);
    }

    public DockerfileException(String file, int line, String problem, String hint) {
        super(file + ":" + line + ": " + problem, hint, ExitCode.FAILURE);
    }
}
