package dev.jcompose.oci;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an image contributes to a container (the OCI image config's {@code config} object).
 * {@code entrypoint} and {@code cmd} are null when the image does not set them; {@code env} keeps
 * the image's "KEY=value" order.
 */
public record ImageDefaults(List<String> entrypoint, List<String> cmd, List<String> env, String user,
                            String workingDir, String stopSignal, List<String> volumes, Map<String, String> labels) {
    public static final ImageDefaults EMPTY = new ImageDefaults(null, null, List.of(), "", "", null, List.of(), Map.of());

    public ImageDefaults {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        env = env == null ? List.of() : List.copyOf(env);
        user = user == null ? "" : user;
        workingDir = workingDir == null ? "" : workingDir;
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
