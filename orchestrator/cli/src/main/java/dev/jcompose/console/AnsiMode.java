package dev.jcompose.console;

import java.util.Locale;

/** {@code --ansi never|always|auto}: auto colours only when the stream is a terminal. */
public enum AnsiMode {
    NEVER,
    ALWAYS,
    AUTO;

    public static AnsiMode parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unsupported --ansi value '" + value + "': expected one of never, always, auto", e);
        }
    }

    /** Whether to emit escape sequences, given whether the target stream is a terminal. */
    public boolean enabled(boolean terminal) {
        return switch (this) {
            case NEVER -> false;
            case ALWAYS -> true;
            case AUTO -> terminal;
        };
    }

    public Ansi ansi(boolean terminal) {
        return new Ansi(enabled(terminal));
    }
}
