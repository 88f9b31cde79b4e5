package dev.jcompose.stack;

import java.util.Objects;

/**
 * One line of progress, as docker compose prints it: {@code Container shop-web-1  Started}.
 * {@code kind} is Network, Volume, Image or Container; {@code detail} is extra text or empty.
 */
public record StackEvent(String kind, String name, String status, String detail) {
    public StackEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    public static StackEvent container(String name, String status) {
        return new StackEvent("Container", name, status, "");
    }

    /** {@code Container shop-web-1 Started}, plus the detail if any. */
    public String render() {
        return kind + " " + name + " " + status + (detail.isEmpty() ? "" : " " + detail);
    }
}
