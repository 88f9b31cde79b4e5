package dev.jcompose;

/** Process exit codes, aligned with docker compose's failure categories where it defines one. */
public final class ExitCode {
    public static final int SUCCESS = 0;
    /** Any failure without a more specific category. */
    public static final int FAILURE = 1;
    /** No compose file found, or a named file does not exist (docker compose: 14). */
    public static final int FILE_NOT_FOUND = 14;
    /** A compose file is not valid YAML or not a valid compose model (docker compose: 15). */
    public static final int COMPOSE_PARSE = 15;
    /** The command line is wrong: unknown flag, missing argument (docker compose: 16). */
    public static final int COMMAND_SYNTAX = 16;
    /** An image could not be pulled (docker compose: 18). */
    public static final int PULL = 18;
    /** {@code exec}: the command exists but could not be run (docker, and a shell: 126). */
    public static final int COMMAND_NOT_EXECUTABLE = 126;
    /** {@code exec}: the command was not found in the container (docker, and a shell: 127). */
    public static final int COMMAND_NOT_FOUND = 127;
    /** Interrupted by the user (128 + SIGINT). */
    public static final int CANCELED = 130;

    private ExitCode() {}
}
