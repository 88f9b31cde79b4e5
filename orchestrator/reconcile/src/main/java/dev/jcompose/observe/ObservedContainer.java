package dev.jcompose.observe;

import dev.jcompose.model.ServiceDependency;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A container that exists now, as far as reconciliation cares: which project, service and replica
 * number its labels say it belongs to, the configuration hash and image it was created with, and
 * its state. {@code imageId} is the id (digest) of the image it runs, {@code null} when unknown.
 * {@code dependsOn} is what its {@link DependsOnLabel depends_on labels} say (empty without them).
 */
public record ObservedContainer(
        String name,
        String project,
        String service,
        int number,
        boolean oneOff,
        String configHash,
        String imageId,
        ContainerState state,
        int exitCode,
        Health health,
        SortedMap<String, ServiceDependency> dependsOn) {

    public ObservedContainer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        health = health == null ? Health.NONE : health;
        dependsOn = dependsOn == null || dependsOn.isEmpty()
                ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(dependsOn));
    }

    /** A container without dependency labels. */
    public ObservedContainer(
            String name,
            String project,
            String service,
            int number,
            boolean oneOff,
            String configHash,
            String imageId,
            ContainerState state,
            int exitCode,
            Health health) {
        this(name, project, service, number, oneOff, configHash, imageId, state, exitCode, health, null);
    }

    /** The same container in another state (as a stop or start leaves it). */
    public ObservedContainer withState(ContainerState newState, int newExitCode) {
        return new ObservedContainer(
                name, project, service, number, oneOff, configHash, imageId, newState, newExitCode, health, dependsOn);
    }

    /**
     * Reads the compose labels of an engine container. A missing or malformed container number reads
     * as 0, which no planned container uses, so such a container is only ever removed, never reused.
     */
    public static ObservedContainer fromLabels(
            String name,
            Map<String, String> labels,
            String imageId,
            ContainerState state,
            int exitCode,
            Health health) {
        return new ObservedContainer(
                name,
                labels.get(Labels.PROJECT),
                labels.get(Labels.SERVICE),
                number(labels.get(Labels.CONTAINER_NUMBER)),
                "True".equalsIgnoreCase(labels.get(Labels.ONEOFF)),
                labels.get(Labels.CONFIG_HASH),
                imageId,
                state,
                exitCode,
                health,
                DependsOnLabel.of(labels));
    }

    private static int number(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
