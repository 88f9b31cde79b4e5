package dev.jcompose.cli;

/**
 * How exec and run connect the process to the user, decided from the flags and the CLI's streams
 * (docker compose v2's defaults): a pseudo-TTY unless {@code -T}, detached, or jcompose's stdin
 * and stdout are not both a terminal (compose takes {@code -T}'s default from stdout, and a tty
 * with a stdin that is not one cannot work); standard input forwarded unless detached or {@code
 * -i=false}, which also means no tty (the terminal's raw mode and keys go with the input).
 *
 * @param tty   the process gets a pseudo-TTY and the CLI's terminal goes to raw mode meanwhile
 * @param stdin the CLI's standard input is forwarded to the process
 */
record Interaction(boolean tty, boolean stdin) {

    /**
     * @param terminal     jcompose's stdin and stdout are a terminal
     * @param processStdio the CLI's streams are its process's own (a tty needs the real terminal)
     */
    static Interaction decide(
            boolean noTty, boolean interactive, boolean detach, boolean terminal, boolean processStdio) {
        return new Interaction(!detach && interactive && !noTty && terminal && processStdio, !detach && interactive);
    }
}
