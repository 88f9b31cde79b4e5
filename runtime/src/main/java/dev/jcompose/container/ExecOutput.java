package dev.jcompose.container;

/** How an exec'd command ended and what it printed. */
public record ExecOutput(int exitCode, String stdout, String stderr) {}
