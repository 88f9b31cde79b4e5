package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;

/** Command-line mistakes found after parsing: exit code 16, like docker compose's usage errors. */
final class Usage {
    private Usage() {}

    static JcomposeException error(String problem, String hint) {
        return new JcomposeException(problem, hint, ExitCode.COMMAND_SYNTAX);
    }

    /** A command or flag jcompose accepts but does not implement yet: exit 1 with a clear message. */
    static JcomposeException notSupported(String what, String hint) {
        return new JcomposeException(what + " is not supported yet", hint, ExitCode.FAILURE);
    }
}
