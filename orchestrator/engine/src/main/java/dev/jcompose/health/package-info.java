/**
 * Docker-compatible healthchecks: {@link dev.jcompose.health.HealthMachine} holds the pure rules
 * (when to probe, how a result changes the state); {@link dev.jcompose.health.HealthMonitor} drives
 * it on the engine loop through an injected {@link dev.jcompose.health.Prober}.
 */
package dev.jcompose.health;
