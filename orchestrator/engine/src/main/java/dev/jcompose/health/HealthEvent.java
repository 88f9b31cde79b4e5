package dev.jcompose.health;

import dev.jcompose.state.Health;

/** A container's health status changed (e.g. starting to healthy). */
public record HealthEvent(String containerId, Health from, Health to, HealthState state) {}
