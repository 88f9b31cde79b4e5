package dev.jcompose.observe;

import java.util.Map;
import java.util.Objects;

/**
 * A network that exists now. {@code project} and {@code key} (the compose file's name for it) come
 * from the compose labels and are {@code null} for networks compose did not create.
 */
public record ObservedNetwork(String name, String project, String key, String configHash) {
    public ObservedNetwork {
        Objects.requireNonNull(name, "name");
    }

    public static ObservedNetwork fromLabels(String name, Map<String, String> labels) {
        return new ObservedNetwork(
                name, labels.get(Labels.PROJECT), labels.get(Labels.NETWORK), labels.get(Labels.CONFIG_HASH));
    }
}
