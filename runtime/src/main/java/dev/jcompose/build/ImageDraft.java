package dev.jcompose.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.content.ContentStore;
import dev.jcompose.content.Digest;
import dev.jcompose.image.Descriptor;
import dev.jcompose.image.ImageConfig.Healthcheck;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The image a build is making: its config (everything {@code docker inspect} shows) and its layers,
 * immutable, changed by {@code withX} methods that return a new draft. Parsed from the base image's
 * config ({@link DraftJson#parse}), so fields jcompose does not model are kept as they were; written
 * as deterministic config bytes by {@link DraftJson#write}.
 *
 * <p>Timestamps: each history entry carries the time its step ran, and the image's {@code created} is
 * the last step's. The executor uses SOURCE_DATE_EPOCH when the build sets it, else the clock; a
 * cached step restores the draft stored with it (times included), so a fully cached build gives the
 * same config bytes, hence the same image id.
 *
 * @see HistoryEntry
 */
public final class ImageDraft {
    Platform platform;
    String author = "";
    Instant created;
    String user = "";
    List<String> env = List.of();
    List<String> entrypoint;
    List<String> cmd;
    SortedSet<String> exposedPorts = Collections.emptySortedSet();
    SortedSet<String> volumes = Collections.emptySortedSet();
    String workingDir = "";
    SortedMap<String, String> labels = Collections.emptySortedMap();
    String stopSignal = "";
    Healthcheck healthcheck;
    List<String> shell;
    List<String> onBuild = List.of();
    List<Descriptor> layers = List.of();
    List<Digest> diffIds = List.of();
    List<HistoryEntry> history = List.of();
    /** Top-level and {@code config} fields of the base that jcompose does not model, kept as they were. */
    SortedMap<String, JsonNode> otherFields = Collections.emptySortedMap();

    SortedMap<String, JsonNode> otherConfigFields = Collections.emptySortedMap();

    ImageDraft(Platform platform) {
        this.platform = platform;
    }

    /** {@code FROM scratch}: nothing but the platform (the host's: builds run here). */
    public static ImageDraft scratch(Platform platform) {
        return new ImageDraft(platform);
    }

    /** The draft of {@code FROM base}: its config as stored, its layers as its manifest lists them. */
    public static ImageDraft of(ContentStore content, ImageRecord base) {
        return DraftJson.parse(content.read(base.id()), base.manifest().layers(), "the config of image " + base.name());
    }

    private ImageDraft with(Consumer<ImageDraft> change) {
        ImageDraft d = new ImageDraft(platform);
        d.author = author;
        d.created = created;
        d.user = user;
        d.env = env;
        d.entrypoint = entrypoint;
        d.cmd = cmd;
        d.exposedPorts = exposedPorts;
        d.volumes = volumes;
        d.workingDir = workingDir;
        d.labels = labels;
        d.stopSignal = stopSignal;
        d.healthcheck = healthcheck;
        d.shell = shell;
        d.onBuild = onBuild;
        d.layers = layers;
        d.diffIds = diffIds;
        d.history = history;
        d.otherFields = otherFields;
        d.otherConfigFields = otherConfigFields;
        change.accept(d);
        return d;
    }

    public Platform platform() {
        return platform;
    }

    public String author() {
        return author;
    }

    /** The image's creation time, or null (scratch, or a base that had none). */
    public Instant created() {
        return created;
    }

    public String user() {
        return user;
    }

    /** {@code KEY=value} entries in order. */
    public List<String> env() {
        return env;
    }

    /** The value of {@code key} in {@link #env()}, or null. */
    public String envValue(String key) {
        for (String e : env) {
            int eq = e.indexOf('=');
            if ((eq < 0 ? e : e.substring(0, eq)).equals(key)) {
                return eq < 0 ? "" : e.substring(eq + 1);
            }
        }
        return null;
    }

    /** null when not set (distinct from empty). */
    public List<String> entrypoint() {
        return entrypoint;
    }

    /** null when not set (distinct from empty). */
    public List<String> cmd() {
        return cmd;
    }

    public SortedSet<String> exposedPorts() {
        return exposedPorts;
    }

    public SortedSet<String> volumes() {
        return volumes;
    }

    public String workingDir() {
        return workingDir;
    }

    public SortedMap<String, String> labels() {
        return labels;
    }

    public String stopSignal() {
        return stopSignal;
    }

    /** null when none. */
    public Healthcheck healthcheck() {
        return healthcheck;
    }

    /** The SHELL, or null for the default ({@code /bin/sh -c}). */
    public List<String> shell() {
        return shell;
    }

    /** ONBUILD triggers, as written after the keyword. */
    public List<String> onBuild() {
        return onBuild;
    }

    /** The layers as the manifest lists them, base first: the base image's blobs, then the build's. */
    public List<Descriptor> layers() {
        return layers;
    }

    public List<Digest> diffIds() {
        return diffIds;
    }

    public List<HistoryEntry> history() {
        return history;
    }

    public ImageDraft withUser(String value) {
        return with(d -> d.user = value == null ? "" : value);
    }

    /** Sets {@code key=value}, replacing an earlier value of the key in place (Docker's order). */
    public ImageDraft withEnv(String key, String value) {
        List<String> next = new ArrayList<>();
        boolean replaced = false;
        for (String e : env) {
            int eq = e.indexOf('=');
            if ((eq < 0 ? e : e.substring(0, eq)).equals(key)) {
                if (!replaced) {
                    next.add(key + "=" + value);
                }
                replaced = true;
            } else {
                next.add(e);
            }
        }
        if (!replaced) {
            next.add(key + "=" + value);
        }
        return with(d -> d.env = List.copyOf(next));
    }

    /** null clears it. */
    public ImageDraft withEntrypoint(List<String> value) {
        return with(d -> d.entrypoint = copyOrNull(value));
    }

    /** null clears it. */
    public ImageDraft withCmd(List<String> value) {
        return with(d -> d.cmd = copyOrNull(value));
    }

    /** Adds a port like {@code 80/tcp} (the executor adds {@code /tcp} when EXPOSE gave no protocol). */
    public ImageDraft withExposedPort(String port) {
        return with(d -> d.exposedPorts = addTo(exposedPorts, port));
    }

    public ImageDraft withVolume(String path) {
        return with(d -> d.volumes = addTo(volumes, path));
    }

    public ImageDraft withWorkingDir(String value) {
        return with(d -> d.workingDir = value == null ? "" : value);
    }

    public ImageDraft withLabel(String key, String value) {
        return withLabels(Map.of(key, value));
    }

    public ImageDraft withLabels(Map<String, String> added) {
        SortedMap<String, String> next = new TreeMap<>(labels);
        next.putAll(added);
        return with(d -> d.labels = Collections.unmodifiableSortedMap(next));
    }

    public ImageDraft withStopSignal(String value) {
        return with(d -> d.stopSignal = value == null ? "" : value);
    }

    /** null removes it; {@code HEALTHCHECK NONE} is a check whose test is {@code ["NONE"]}. */
    public ImageDraft withHealthcheck(Healthcheck value) {
        return with(d -> d.healthcheck = value);
    }

    public ImageDraft withShell(List<String> value) {
        return with(d -> d.shell = copyOrNull(value));
    }

    /** Replaces the triggers: the executor clears the base's after running them, and appends ONBUILDs. */
    public ImageDraft withOnBuild(List<String> triggers) {
        return with(d -> d.onBuild = List.copyOf(triggers));
    }

    public ImageDraft withAuthor(String value) {
        return with(d -> d.author = value == null ? "" : value);
    }

    /** Appends a step that made {@code layer}; {@code created} becomes the step's time. */
    public ImageDraft withLayer(BuiltLayer layer, HistoryEntry step) {
        HistoryEntry h = new HistoryEntry(step.created(), step.createdBy(), step.author(), step.comment(), false);
        return with(d -> {
            d.layers = append(layers, layer.descriptor());
            d.diffIds = append(diffIds, layer.digest());
            d.history = append(history, h);
            d.created = step.created();
        });
    }

    /** Appends a step that made no layer. */
    public ImageDraft withStep(HistoryEntry step) {
        HistoryEntry h = new HistoryEntry(step.created(), step.createdBy(), step.author(), step.comment(), true);
        return with(d -> {
            d.history = append(history, h);
            d.created = step.created();
        });
    }

    private static List<String> copyOrNull(List<String> v) {
        return v == null ? null : List.copyOf(v);
    }

    private static SortedSet<String> addTo(SortedSet<String> set, String v) {
        SortedSet<String> next = new TreeSet<>(set);
        next.add(v);
        return Collections.unmodifiableSortedSet(next);
    }

    static <T> List<T> append(List<T> list, T v) {
        List<T> next = new ArrayList<>(list);
        next.add(v);
        return List.copyOf(next);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageDraft d
                && java.util.Arrays.equals(DraftJson.write(this), DraftJson.write(d))
                && layers.equals(d.layers);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(DraftJson.write(this));
    }
}
