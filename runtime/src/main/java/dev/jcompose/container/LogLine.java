package dev.jcompose.container;

import java.time.Instant;

/** One log record of a container: when, which stream, and the text (a whole line, partials joined). */
public record LogLine(Instant time, Stream stream, String text) {
    public enum Stream {
        STDOUT,
        STDERR
    }

    /** docker logs' rendering: the text, optionally prefixed by the RFC 3339 timestamp. */
    public String render(boolean timestamps) {
        return timestamps ? time + " " + text : text;
    }
}
