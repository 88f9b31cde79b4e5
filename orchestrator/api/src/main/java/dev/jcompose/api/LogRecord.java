package dev.jcompose.api;

import java.time.Instant;

/** One log line of one container, for {@code logs} consumers (the console prefixes it with the container). */
public record LogRecord(String container, String service, Instant time, boolean stderr, String text) {
    public String render(boolean timestamps) {
        return timestamps ? time + " " + text : text;
    }
}
