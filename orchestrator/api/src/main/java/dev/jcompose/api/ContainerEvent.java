package dev.jcompose.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One container event of {@code jcompose events}, with docker compose's fields: {@code time},
 * {@code type} (always {@code container}), {@code action} (create, start, stop, die, kill, pause,
 * unpause, destroy, restart, {@code health_status: healthy}...), the container {@code id}, its
 * {@code service} and {@code attributes} (image, name; exitCode for die).
 */
public record ContainerEvent(
        Instant time, String type, String action, String id, String service, SortedMap<String, String> attributes) {
    /** Go's RFC3339Nano with fixed nine digits, as compose prints event times. */
    private static final DateTimeFormatter NANO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX").withZone(ZoneOffset.UTC);

    public ContainerEvent {
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes == null ? Map.of() : attributes));
    }

    /** {@code <time> container <action> <id> (image=..., name=...)}: compose's text form. */
    public String renderText() {
        String attrs = attributes.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return NANO.format(time) + " " + type + " " + action + " " + id + (attrs.isEmpty() ? "" : " (" + attrs + ")");
    }

    public String formattedTime() {
        return NANO.format(time);
    }
}
