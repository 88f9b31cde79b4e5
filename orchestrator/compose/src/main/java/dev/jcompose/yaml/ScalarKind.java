package dev.jcompose.yaml;

/**
 * The type a YAML 1.2 core-schema resolver gives a scalar. Quoted scalars are always {@link #STRING};
 * interpolation only rewrites strings, as compose-go does.
 */
public enum ScalarKind {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL
}
