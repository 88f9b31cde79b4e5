package dev.jcompose.observe;

import dev.jcompose.JcomposeException;
import java.util.Locale;

/** A container's health check status; {@code NONE} when it has no health check. */
public enum Health {
    NONE,
    STARTING,
    HEALTHY,
    UNHEALTHY;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Health parse(String text) {
        for (Health h : values()) {
            if (h.text().equals(text)) {
                return h;
            }
        }
        throw new JcomposeException(
                "unknown health status: " + text, "expected one of none, starting, healthy, unhealthy");
    }
}
