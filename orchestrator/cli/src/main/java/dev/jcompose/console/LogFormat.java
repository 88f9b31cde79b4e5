package dev.jcompose.console;

/**
 * How {@code logs}/{@code up} print container output.
 *
 * @param color      colour each container's prefix ({@code --no-color} and {@code --ansi never} turn it off)
 * @param prefix     print {@code name | } before each line ({@code --no-log-prefix} turns it off)
 * @param timestamps print each line's timestamp ({@code --timestamps})
 */
public record LogFormat(boolean color, boolean prefix, boolean timestamps) {
    public static LogFormat defaults(boolean color) {
        return new LogFormat(color, true, false);
    }

    /** From the flags: colour unless {@code --no-color} or ANSI is off for this stream. */
    public static LogFormat of(
            AnsiMode ansi, boolean terminal, boolean noColor, boolean noLogPrefix, boolean timestamps) {
        return new LogFormat(!noColor && ansi.enabled(terminal), !noLogPrefix, timestamps);
    }
}
