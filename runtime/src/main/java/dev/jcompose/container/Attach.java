package dev.jcompose.container;

import dev.jcompose.oci.RuntimeSpec;

/**
 * How a client may attach to a container's process through conmon: {@code stdin} keeps a pipe open
 * as its standard input (docker's {@code stdin_open}), {@code terminal} gives it a pseudo-TTY
 * (docker's {@code tty}; the process spec then says {@code "terminal": true}).
 */
public record Attach(boolean stdin, boolean terminal) {
    public static final Attach NONE = new Attach(false, false);

    /** The bundle spec with the process's terminal flag set as asked. */
    public RuntimeSpec applyTo(RuntimeSpec s) {
        RuntimeSpec.Process p = s.process();
        if (p.terminal() == terminal) {
            return s;
        }
        return new RuntimeSpec(
                s.ociVersion(),
                new RuntimeSpec.Process(
                        terminal,
                        p.user(),
                        p.args(),
                        p.env(),
                        p.cwd(),
                        p.capabilities(),
                        p.rlimits(),
                        p.noNewPrivileges()),
                s.root(),
                s.hostname(),
                s.mounts(),
                s.linux());
    }
}
