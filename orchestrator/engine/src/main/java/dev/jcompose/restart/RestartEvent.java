package dev.jcompose.restart;

import java.time.Duration;

/** What the restart supervisor did, for progress output and {@code jcompose events}. */
public sealed interface RestartEvent {
    String containerId();

    /** A restart will happen after {@code delay}; {@code attempt} counts from 1. */
    record Scheduled(String containerId, int attempt, Duration delay) implements RestartEvent {}

    /** The container was started again. */
    record Restarted(String containerId, int attempt) implements RestartEvent {}

    /** Starting it again failed; it stays stopped. */
    record RestartFailed(String containerId, int attempt, Throwable cause) implements RestartEvent {}

    /** No restart: the policy says so, or the user stopped it. */
    record GaveUp(String containerId, String reason) implements RestartEvent {}
}
