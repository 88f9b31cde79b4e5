package dev.jcompose.api;

import java.util.Objects;

/**
 * One line of progress, as docker compose prints it: {@code Container shop-web-1  Started}.
 * {@code kind} is Network, Volume, Image or Container, or empty for a line compose shows by name alone
 * (a skipped service, a pushed layer); {@code detail} is extra text or empty.
 * {@code project} is the compose project the event belongs to (empty when unknown): the one engine
 * serves several projects at once, and a command's listener sees only its own project's events.
 */
public record StackEvent(String kind, String name, String status, String detail, String project) {
    public StackEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        project = project == null ? "" : project;
    }

    /** An event of no particular project (only engine-wide listeners receive it from the engine). */
    public StackEvent(String kind, String name, String status, String detail) {
        this(kind, name, status, detail, "");
    }

    public static StackEvent container(String name, String status) {
        return new StackEvent("Container", name, status, "");
    }

    /** This event, as belonging to {@code project}. */
    public StackEvent of(String project) {
        return new StackEvent(kind, name, status, detail, project);
    }

    /** {@code Container shop-web-1 Started}, plus the detail if any; without a kind just the name. */
    public String render() {
        return (kind.isEmpty() ? "" : kind + " ") + name + " " + status + (detail.isEmpty() ? "" : " " + detail);
    }
}
