package dev.jcompose.oci;

import dev.jcompose.image.ImageConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an image contributes to a container (the OCI image config's {@code config} object).
 * {@code entrypoint} and {@code cmd} are null when the image does not set them; {@code env} keeps
 * the image's "KEY=value" order.
 */
public record ImageDefaults(
        List<String> entrypoint,
        List<String> cmd,
        List<String> env,
        String user,
        String workingDir,
        String stopSignal,
        List<String> volumes,
        Map<String, String> labels) {
    public static final ImageDefaults EMPTY =
            new ImageDefaults(null, null, List.of(), "", "", null, List.of(), Map.of());

    /**
     * What a pulled or loaded image's config contributes. The config's empty StopSignal means
     * "the default" and becomes null here; exposed ports and the healthcheck are not the runtime's
     * business (the orchestrator reads them from the {@link ImageConfig}).
     */
    public static ImageDefaults of(ImageConfig config) {
        return new ImageDefaults(
                config.entrypoint(),
                config.cmd(),
                config.env(),
                config.user(),
                config.workingDir(),
                config.stopSignal().isEmpty() ? null : config.stopSignal(),
                List.copyOf(config.volumes()),
                config.labels());
    }

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
