package dev.jcompose.dockerfile;

/** One name of an ARG instruction, with its default value (null when it has none). */
public record ArgDecl(String name, String defaultValue) {}
