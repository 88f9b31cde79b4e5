package dev.jcompose.console;

import java.time.Instant;
import java.util.Objects;

/**
 * A chunk of container output: usually one line; may hold several, or end without a newline when
 * the container wrote a partial line.
 *
 * @param container the container's short name as compose prints it ({@code web-1})
 */
public record LogChunk(String container, String service, LogStream stream, Instant timestamp, String text) {
    public LogChunk {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(timestamp, "timestamp");
        service = service == null ? "" : service;
        text = text == null ? "" : text;
    }
}
