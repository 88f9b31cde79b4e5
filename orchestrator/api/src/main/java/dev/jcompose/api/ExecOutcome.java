package dev.jcompose.api;

/** What an exec'd command printed and its exit code (which the CLI passes through as its own). */
public record ExecOutcome(int exitCode, String stdout, String stderr) {}
