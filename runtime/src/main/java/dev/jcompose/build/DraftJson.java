package dev.jcompose.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.JcomposeException;
import dev.jcompose.content.Digest;
import dev.jcompose.image.Descriptor;
import dev.jcompose.image.ImageConfig;
import dev.jcompose.image.ImageConfig.Healthcheck;
import dev.jcompose.image.Platform;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An {@link ImageDraft} to and from an image config document (OCI, which Docker's shares). Output is
 * canonical: keys sorted at every level jcompose writes, no whitespace. Fields jcompose does not model
 * are carried over, except those that describe the base image's own build and would be false for the
 * new image: {@code container}, {@code container_config}, {@code docker_version}, and in {@code config}
 * {@code Image} and {@code ArgsEscaped} (Windows-only).
 */
public final class DraftJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> MODELLED =
            Set.of("architecture", "os", "variant", "author", "created", "config", "rootfs", "history");
    private static final Set<String> DROPPED = Set.of("container", "container_config", "docker_version");
    private static final Set<String> MODELLED_CONFIG = Set.of(
            "User",
            "ExposedPorts",
            "Env",
            "Entrypoint",
            "Cmd",
            "Volumes",
            "WorkingDir",
            "Labels",
            "StopSignal",
            "Healthcheck",
            "Shell",
            "OnBuild");
    private static final Set<String> DROPPED_CONFIG = Set.of("Image", "ArgsEscaped");

    private DraftJson() {}

    /**
     * The draft of an image whose config is {@code config} and whose manifest lists {@code layers}
     * (one per {@code rootfs.diff_ids} entry); {@code what} names it in errors.
     */
    public static ImageDraft parse(byte[] config, List<Descriptor> layers, String what) {
        JsonNode root = read(config, what);
        ImageDraft d = new ImageDraft(new Platform(
                text(root, "os", "linux"), text(root, "architecture", "amd64"), text(root, "variant", "")));
        d.author = text(root, "author", "");
        d.created = instant(root.get("created"), what);
        JsonNode c = root.path("config");
        d.user = text(c, "User", "");
        d.env = List.copyOf(strings(c.get("Env")));
        d.entrypoint = stringsOrNull(c.get("Entrypoint"));
        d.cmd = stringsOrNull(c.get("Cmd"));
        d.exposedPorts = keys(c.get("ExposedPorts"));
        d.volumes = keys(c.get("Volumes"));
        d.workingDir = text(c, "WorkingDir", "");
        SortedMap<String, String> labels = new TreeMap<>();
        c.path("Labels")
                .properties()
                .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        d.labels = Collections.unmodifiableSortedMap(labels);
        d.stopSignal = text(c, "StopSignal", "");
        d.healthcheck = ImageConfig.healthcheck(c.get("Healthcheck"));
        d.shell = stringsOrNull(c.get("Shell"));
        d.onBuild = List.copyOf(strings(c.get("OnBuild")));
        List<Digest> diffIds = new ArrayList<>();
        root.path("rootfs").path("diff_ids").forEach(n -> diffIds.add(Digest.parse(n.asText())));
        if (diffIds.size() != layers.size()) {
            throw new JcomposeException(
                    what + " lists " + diffIds.size() + " diff_ids but its manifest " + layers.size() + " layers",
                    "the image is corrupt; pull or load it again");
        }
        d.diffIds = List.copyOf(diffIds);
        d.layers = List.copyOf(layers);
        d.history = history(root.path("history"), what);
        d.otherFields = others(root, MODELLED, DROPPED);
        d.otherConfigFields = others(c, MODELLED_CONFIG, DROPPED_CONFIG);
        return d;
    }

    /** The config document's bytes: the same draft always gives the same bytes. */
    public static byte[] write(ImageDraft d) {
        SortedMap<String, JsonNode> top = new TreeMap<>(d.otherFields);
        top.put("architecture", NODES.textNode(d.platform.architecture()));
        top.put("os", NODES.textNode(d.platform.os()));
        putText(top, "variant", d.platform.variant());
        putText(top, "author", d.author);
        if (d.created != null) {
            top.put("created", NODES.textNode(d.created.toString()));
        }
        top.put("config", sorted(config(d)));
        SortedMap<String, JsonNode> rootfs = new TreeMap<>();
        rootfs.put("type", NODES.textNode("layers"));
        rootfs.put("diff_ids", array(d.diffIds.stream().map(Digest::toString).toList()));
        top.put("rootfs", sorted(rootfs));
        ArrayNode history = NODES.arrayNode();
        d.history.forEach(h -> history.add(history(h)));
        top.put("history", history);
        try {
            return MAPPER.writeValueAsBytes(sorted(top));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an image config", e);
        }
    }

    private static SortedMap<String, JsonNode> config(ImageDraft d) {
        SortedMap<String, JsonNode> c = new TreeMap<>(d.otherConfigFields);
        putText(c, "User", d.user);
        if (!d.env.isEmpty()) {
            c.put("Env", array(d.env));
        }
        if (d.entrypoint != null) {
            c.put("Entrypoint", array(d.entrypoint));
        }
        if (d.cmd != null) {
            c.put("Cmd", array(d.cmd));
        }
        putSet(c, "ExposedPorts", d.exposedPorts);
        putSet(c, "Volumes", d.volumes);
        putText(c, "WorkingDir", d.workingDir);
        if (!d.labels.isEmpty()) {
            ObjectNode l = NODES.objectNode();
            d.labels.forEach(l::put);
            c.put("Labels", l);
        }
        putText(c, "StopSignal", d.stopSignal);
        if (d.healthcheck != null) {
            c.put("Healthcheck", healthcheck(d.healthcheck));
        }
        if (d.shell != null) {
            c.put("Shell", array(d.shell));
        }
        if (!d.onBuild.isEmpty()) {
            c.put("OnBuild", array(d.onBuild));
        }
        return c;
    }

    private static JsonNode healthcheck(Healthcheck h) {
        SortedMap<String, JsonNode> m = new TreeMap<>();
        m.put("Test", array(h.test()));
        putNanos(m, "Interval", h.interval());
        putNanos(m, "Timeout", h.timeout());
        putNanos(m, "StartPeriod", h.startPeriod());
        putNanos(m, "StartInterval", h.startInterval());
        if (h.retries() != 0) {
            m.put("Retries", NODES.numberNode(h.retries()));
        }
        return sorted(m);
    }

    private static JsonNode history(HistoryEntry h) {
        SortedMap<String, JsonNode> m = new TreeMap<>();
        if (h.created() != null) {
            m.put("created", NODES.textNode(h.created().toString()));
        }
        m.put("created_by", NODES.textNode(h.createdBy()));
        putText(m, "author", h.author());
        putText(m, "comment", h.comment());
        if (h.emptyLayer()) {
            m.put("empty_layer", NODES.booleanNode(true));
        }
        return sorted(m);
    }

    private static List<HistoryEntry> history(JsonNode array, String what) {
        List<HistoryEntry> out = new ArrayList<>();
        for (JsonNode h : array) {
            out.add(new HistoryEntry(
                    instant(h.get("created"), what),
                    text(h, "created_by", ""),
                    text(h, "author", ""),
                    text(h, "comment", ""),
                    h.path("empty_layer").asBoolean(false)));
        }
        return List.copyOf(out);
    }

    private static Instant instant(JsonNode n, String what) {
        if (n == null || n.isNull() || n.asText().isEmpty()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(n.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new JcomposeException(
                    what + " has an invalid time \"" + n.asText() + "\"",
                    "the image is corrupt; pull or load it again");
        }
    }

    private static SortedMap<String, JsonNode> others(JsonNode n, Set<String> modelled, Set<String> dropped) {
        SortedMap<String, JsonNode> out = new TreeMap<>();
        n.properties().forEach(e -> {
            if (!modelled.contains(e.getKey()) && !dropped.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue().deepCopy());
            }
        });
        return Collections.unmodifiableSortedMap(out);
    }

    private static ObjectNode sorted(SortedMap<String, JsonNode> fields) {
        ObjectNode n = NODES.objectNode();
        fields.forEach(n::set);
        return n;
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static void putText(SortedMap<String, JsonNode> m, String key, String value) {
        if (!value.isEmpty()) {
            m.put(key, NODES.textNode(value));
        }
    }

    private static void putSet(SortedMap<String, JsonNode> m, String key, SortedSet<String> values) {
        if (!values.isEmpty()) {
            ObjectNode o = NODES.objectNode();
            values.forEach(v -> o.set(v, NODES.objectNode()));
            m.put(key, o);
        }
    }

    private static void putNanos(SortedMap<String, JsonNode> m, String key, Duration d) {
        if (!d.isZero()) {
            m.put(key, NODES.numberNode(d.toNanos()));
        }
    }

    private static JsonNode read(byte[] data, String what) {
        try {
            JsonNode n = MAPPER.readTree(data);
            if (n == null || !n.isObject()) {
                throw new JcomposeException(
                        what + " is not a JSON object", "the image is corrupt; pull or load it again");
            }
            return n;
        } catch (IOException e) {
            throw new JcomposeException(
                    what + " is not valid JSON: " + e.getMessage(), "the image is corrupt; pull or load it again");
        }
    }

    private static String text(JsonNode n, String field, String absent) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? absent : v.asText();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else if (n != null && n.isTextual()) {
            out.add(n.asText());
        }
        return out;
    }

    private static List<String> stringsOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : List.copyOf(strings(n));
    }

    private static SortedSet<String> keys(JsonNode n) {
        SortedSet<String> out = new TreeSet<>();
        if (n != null && n.isObject()) {
            n.fieldNames().forEachRemaining(out::add);
        }
        return Collections.unmodifiableSortedSet(out);
    }
}
