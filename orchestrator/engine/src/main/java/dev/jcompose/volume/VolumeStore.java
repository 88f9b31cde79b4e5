package dev.jcompose.volume;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jcompose.host.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Local named volumes, laid out like docker's local driver: {@code <root>/<name>/_data} is what
 * containers mount, {@code <root>/<name>/volume.json} holds the labels and creation time. The
 * metadata file is written last (atomically), so a volume without it is a half-made one that
 * {@link #list()} ignores and {@link #create} completes.
 */
public final class VolumeStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String META = "volume.json";

    private final Path root;
    private final Clock clock;

    /** @param root usually {@code dataRoot/volumes} */
    /** @param clock stamps a volume's creation time */
    public VolumeStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    private record Meta(String name, Map<String, String> labels, String created) {}

    /** Creates the volume, or returns it unchanged when it exists (labels of an existing volume are kept). */
    public synchronized Volume create(String name, Map<String, String> labels) {
        checkName(name);
        Optional<Volume> existing = find(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir.resolve("_data"));
            Meta meta = new Meta(name, new TreeMap<>(labels), clock.now().toString());
            Path tmp = dir.resolve(META + ".tmp");
            JSON.writeValue(tmp.toFile(), meta);
            Files.move(tmp, dir.resolve(META), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new VolumeException(
                    "cannot create volume " + name + " under " + root + ": " + e.getMessage(),
                    "check that " + root + " is writable and has free space");
        }
        return find(name).orElseThrow();
    }

    public synchronized Optional<Volume> find(String name) {
        if (!validName(name)) {
            return Optional.empty();
        }
        Path dir = root.resolve(name);
        Path meta = dir.resolve(META);
        if (!Files.isRegularFile(meta, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Meta m = JSON.readValue(meta.toFile(), Meta.class);
            return Optional.of(
                    new Volume(name, dir.resolve("_data"), new TreeMap<>(m.labels()), Instant.parse(m.created())));
        } catch (IOException | RuntimeException e) {
            throw new VolumeException(
                    "volume " + name + " has an unreadable " + meta + ": " + e.getMessage(),
                    "remove the directory " + dir + " if the volume is not needed");
        }
    }

    /** The name of the volume whose mountpoint ({@code <root>/<name>/_data}) is {@code path}, if it is one. */
    public Optional<String> nameOf(Path path) {
        Path dir = path.getParent();
        if (dir == null || !path.getFileName().toString().equals("_data") || !root.equals(dir.getParent())) {
            return Optional.empty();
        }
        return Optional.of(dir.getFileName().toString());
    }

    /** Every complete volume, by name. */
    public synchronized List<Volume> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Volume> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.sorted().toList()) {
                find(d.getFileName().toString()).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Removes the volume and its data; a missing volume is a no-op. Returns whether it existed. */
    public synchronized boolean remove(String name) {
        if (!validName(name)) {
            return false;
        }
        Path dir = root.resolve(name);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new VolumeException(
                    "cannot remove volume " + name + ": " + e.getMessage(), "check that no container still uses it");
        }
        return true;
    }

    private static boolean validName(String name) {
        return name != null && name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,254}");
    }

    private static void checkName(String name) {
        if (!validName(name)) {
            throw new VolumeException(
                    "invalid volume name \"" + name + "\"",
                    "use letters, digits, '_', '.' and '-', starting with a letter or digit");
        }
    }
}
