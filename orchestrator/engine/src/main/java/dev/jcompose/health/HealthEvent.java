package dev.jcompose.health;

/** A container's health status changed (e.g. starting to healthy). */
public record HealthEvent(String containerId, HealthStatus from, HealthStatus to, HealthState state) {}
