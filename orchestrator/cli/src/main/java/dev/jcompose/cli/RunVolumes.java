package dev.jcompose.cli;

import dev.jcompose.model.ServiceVolume;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code run -v [SOURCE:]TARGET[:ro|rw]}: the short volume syntax of {@code docker run -v}, as a
 * mount added to the one-off. A source that is a path ({@code /}, {@code .}, {@code ~}) is a bind
 * mount, resolved against the current directory; any other source names a volume; no source is an
 * anonymous volume.
 */
final class RunVolumes {
    private static final String HINT = "use -v [SOURCE:]TARGET[:ro|rw], e.g. -v ./data:/data:ro";

    private RunVolumes() {}

    /** @param home what a leading {@code ~} stands for ({@code $HOME}) */
    static ServiceVolume parse(String spec, Path workingDir, String home) {
        String[] parts = spec.split(":", -1);
        if (parts.length > 3 || spec.isEmpty()) {
            throw Usage.error("invalid volume specification \"" + spec + "\"", HINT);
        }
        boolean readOnly = false;
        if (parts.length == 3) {
            for (String option : List.of(parts[2].split(","))) {
                switch (option) {
                    case "ro" -> readOnly = true;
                    case "rw" -> readOnly = false;
                    default ->
                        throw Usage.error(
                                "invalid mode \"" + option + "\" in volume specification \"" + spec + "\"", HINT);
                }
            }
        }
        String source = parts.length == 1 ? null : parts[0];
        String target = parts.length == 1 ? parts[0] : parts[1];
        if (!target.startsWith("/") || (source != null && source.isEmpty())) {
            throw Usage.error(
                    "invalid volume specification \"" + spec + "\"", "the target must be an absolute path; " + HINT);
        }
        if (source == null) {
            return new ServiceVolume(ServiceVolume.VOLUME, null, target, readOnly, null, null, null, null, null);
        }
        if (source.startsWith("/") || source.startsWith(".") || source.startsWith("~")) {
            Path host = source.startsWith("~") ? Path.of(home + source.substring(1)) : workingDir.resolve(source);
            return new ServiceVolume(
                    ServiceVolume.BIND,
                    host.toAbsolutePath().normalize().toString(),
                    target,
                    readOnly,
                    null,
                    new ServiceVolume.Bind(null, null, null, null),
                    null,
                    null,
                    null);
        }
        return new ServiceVolume(ServiceVolume.VOLUME, source, target, readOnly, null, null, null, null, null);
    }
}
