package dev.jcompose.progress;

import dev.jcompose.console.AnsiMode;
import java.util.Locale;

/** {@code --progress auto|tty|plain|json|quiet}. */
public enum ProgressMode {
    AUTO,
    TTY,
    PLAIN,
    JSON,
    QUIET;

    /** Parses the flag value; the message lists the accepted values. */
    public static ProgressMode parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unsupported --progress value '" + value + "': expected one of auto, tty, plain, json, quiet", e);
        }
    }

    /**
     * What {@code auto} becomes: the live view when ANSI is forced on, or allowed and the stream is a
     * terminal; plain lines otherwise. Explicit modes stay as they are.
     */
    public ProgressMode resolve(AnsiMode ansi, boolean terminal) {
        if (this != AUTO) {
            return this;
        }
        return ansi.enabled(terminal) ? TTY : PLAIN;
    }
}
