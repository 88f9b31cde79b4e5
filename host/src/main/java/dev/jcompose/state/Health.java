package dev.jcompose.state;

import dev.jcompose.JcomposeException;
import java.util.Locale;

/** A container's health check status; {@code NONE} when it has no health check. */
public enum Health {
    NONE,
    STARTING,
    HEALTHY,
    UNHEALTHY;

    /** docker's word: {@code none} (as its filters say), {@code starting}, {@code healthy}, {@code unhealthy}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What {@code ps} shows: the word, or nothing when there is no health check. */
    public String shown() {
        return this == NONE ? "" : text();
    }

    /** The status of docker's word {@code text}; {@code none} or empty for no health check. */
    public static Health parse(String text) {
        if (text != null && text.isEmpty()) {
            return NONE;
        }
        for (Health h : values()) {
            if (h.text().equals(text)) {
                return h;
            }
        }
        throw new JcomposeException(
                "unknown health status: " + text, "expected one of none, starting, healthy, unhealthy");
    }
}
