package dev.jcompose.observe;

import java.util.Map;
import java.util.Objects;

/** A volume that exists now; {@code project} and {@code key} as for {@link ObservedNetwork}. */
public record ObservedVolume(String name, String project, String key, String configHash) {
    public ObservedVolume {
        Objects.requireNonNull(name, "name");
    }

    public static ObservedVolume fromLabels(String name, Map<String, String> labels) {
        return new ObservedVolume(
                name, labels.get(Labels.PROJECT), labels.get(Labels.VOLUME), labels.get(Labels.CONFIG_HASH));
    }
}
