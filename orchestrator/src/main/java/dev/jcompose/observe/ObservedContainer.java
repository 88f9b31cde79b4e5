package dev.jcompose.observe;

import java.util.Map;
import java.util.Objects;

/**
 * A container that exists now, as far as reconciliation cares: which project, service and replica
 * number its labels say it belongs to, the configuration hash and image it was created with, and
 * its state. {@code imageId} is the id (digest) of the image it runs, {@code null} when unknown.
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
        Health health) {

    public ObservedContainer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        health = health == null ? Health.NONE : health;
    }

    /**
     * Reads the compose labels of an engine container. A missing or malformed container number reads
     * as 0, which no planned container uses, so such a container is only ever removed, never reused.
     */
    public static ObservedContainer fromLabels(String name, Map<String, String> labels, String imageId,
            ContainerState state, int exitCode, Health health) {
        return new ObservedContainer(name, labels.get(Labels.PROJECT), labels.get(Labels.SERVICE),
                number(labels.get(Labels.CONTAINER_NUMBER)), "True".equalsIgnoreCase(labels.get(Labels.ONEOFF)),
                labels.get(Labels.CONFIG_HASH), imageId, state, exitCode, health);
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
