package dev.jcompose.dockerfile;

import java.util.List;

/**
 * A command of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD.
 *
 * @param args  exec form: the JSON array's strings; shell form: one element, the command line as written
 *              (continuations joined), to be run by the stage's SHELL
 * @param shell whether this is the shell form
 */
public record InstructionCommand(List<String> args, boolean shell) {
    public InstructionCommand {
        args = List.copyOf(args);
    }
}
