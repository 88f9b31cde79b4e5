package dev.jcompose.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.content.ContentException;
import dev.jcompose.content.Digest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an image's config says about running it. Lists keep the image's order (Env order matters);
 * sets and maps are sorted.
 *
 * @param entrypoint  {@code null} when the image sets none (distinct from an empty list)
 * @param cmd         {@code null} when the image sets none
 * @param stopSignal  {@code ""} for the default (SIGTERM)
 * @param healthcheck {@code null} when the image defines none
 * @param diffIds     the uncompressed layer digests, base first ({@code rootfs.diff_ids})
 */
public record ImageConfig(
        Platform platform,
        List<String> entrypoint,
        List<String> cmd,
        List<String> env,
        String user,
        String workingDir,
        SortedSet<String> exposedPorts,
        SortedSet<String> volumes,
        SortedMap<String, String> labels,
        String stopSignal,
        Healthcheck healthcheck,
        List<Digest> diffIds) {
    public ImageConfig {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        env = List.copyOf(env);
        exposedPorts = Collections.unmodifiableSortedSet(new TreeSet<>(exposedPorts));
        volumes = Collections.unmodifiableSortedSet(new TreeSet<>(volumes));
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        diffIds = List.copyOf(diffIds);
    }

    /**
     * The image's HEALTHCHECK. {@code test} is docker's form: {@code ["NONE"]}, {@code ["CMD", ...]}
     * or {@code ["CMD-SHELL", "cmd"]}; zero durations mean "docker's default".
     */
    public record Healthcheck(
            List<String> test,
            Duration interval,
            Duration timeout,
            Duration startPeriod,
            Duration startInterval,
            int retries) {
        public Healthcheck {
            test = List.copyOf(test);
        }
    }

    public Optional<Healthcheck> healthcheckOptional() {
        return Optional.ofNullable(healthcheck);
    }

    /** Parses an image config blob (OCI or Docker, they share this shape). */
    public static ImageConfig parse(byte[] data, String what) {
        JsonNode root = Json.read(data, what);
        JsonNode c = root.path("config");
        Platform platform = new Platform(
                Json.text(root, "os").isEmpty() ? "linux" : Json.text(root, "os"),
                Json.text(root, "architecture").isEmpty() ? "amd64" : Json.text(root, "architecture"),
                Json.text(root, "variant"));
        List<Digest> diffIds = new ArrayList<>();
        for (JsonNode d : root.path("rootfs").path("diff_ids")) {
            try {
                diffIds.add(Digest.parse(d.asText()));
            } catch (ContentException e) {
                throw new ImageException(
                        what + ": rootfs.diff_ids: " + e.getMessage(), "the image is corrupt; pull or load it again");
            }
        }
        SortedMap<String, String> labels = new TreeMap<>();
        c.path("Labels")
                .properties()
                .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new ImageConfig(
                platform,
                listOrNull(c.get("Entrypoint")),
                listOrNull(c.get("Cmd")),
                listOf(c.get("Env")),
                Json.text(c, "User"),
                Json.text(c, "WorkingDir"),
                keys(c.get("ExposedPorts")),
                keys(c.get("Volumes")),
                labels,
                Json.text(c, "StopSignal"),
                healthcheck(c.get("Healthcheck")),
                diffIds);
    }

    /** A config's {@code Healthcheck} object (durations in nanoseconds, as Docker writes them); null when absent. */
    public static Healthcheck healthcheck(JsonNode h) {
        if (h == null || !h.isObject()) {
            return null;
        }
        return new Healthcheck(
                listOf(h.get("Test")),
                Duration.ofNanos(h.path("Interval").asLong()),
                Duration.ofNanos(h.path("Timeout").asLong()),
                Duration.ofNanos(h.path("StartPeriod").asLong()),
                Duration.ofNanos(h.path("StartInterval").asLong()),
                h.path("Retries").asInt());
    }

    private static List<String> listOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : listOf(n);
    }

    private static List<String> listOf(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else if (n != null && n.isTextual()) {
            out.add(n.asText());
        }
        return out;
    }

    private static SortedSet<String> keys(JsonNode n) {
        SortedSet<String> out = new TreeSet<>();
        if (n != null && n.isObject()) {
            n.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }
}
