package dev.jcompose.dockerfile;

/**
 * One name of an ARG instruction, with its default value (null when it has none). As parsed both are as
 * written (quotes kept) until {@link Instruction#expanded} or {@link StageScope#apply} substitutes them.
 */
public record ArgDecl(String name, String defaultValue) {}
