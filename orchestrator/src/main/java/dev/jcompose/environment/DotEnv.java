package dev.jcompose.environment;

import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * Parser for {@code .env} and {@code env_file} files (compose-spec syntax).
 * CONTRACT STUB: the signatures are fixed; the implementation is being written.
 */
public final class DotEnv {
    /**
     * Parses {@code text}; {@code file} names it in errors. Values may interpolate variables defined
     * earlier in the file or in {@code lookup}. A {@code KEY} line without '=' takes its value from
     * {@code lookup}, or maps to {@code null} (unset) when lookup lacks it. Order is kept.
     */
    public static LinkedHashMap<String, String> parse(String text, String file, Environment lookup) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Reads and parses a file; a missing file is a {@link dev.jcompose.JcomposeException} naming it. */
    public static LinkedHashMap<String, String> read(Path file, Environment lookup) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    private DotEnv() {
    }
}
