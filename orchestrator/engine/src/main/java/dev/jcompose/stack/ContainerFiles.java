package dev.jcompose.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The per-container files of the stack: /etc/hosts, /etc/resolv.conf, /etc/hostname, the extras, and what the
 * engine remembers across engines (last health, restart state).
 */
final class ContainerFiles {
    static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    private final StackPaths paths;

    ContainerFiles(StackPaths paths) {
        this.paths = paths;
    }

    Path hosts(String id) {
        return paths.containerDir(id).resolve("hosts");
    }

    Path resolvConf(String id) {
        return paths.containerDir(id).resolve("resolv.conf");
    }

    Path hostname(String id) {
        return paths.containerDir(id).resolve("hostname");
    }

    void write(String id, String hosts, String resolv, String hostname) {
        try {
            Files.createDirectories(paths.containerDir(id));
            Files.writeString(hosts(id), hosts);
            Files.writeString(resolvConf(id), resolv);
            Files.writeString(hostname(id), hostname + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the files of container " + id + ": " + e.getMessage(), e);
        }
    }

    void saveExtras(String id, ContainerExtras extras) {
        try {
            Files.createDirectories(paths.containerDir(id));
            Path tmp = paths.containerDir(id).resolve("extras.json.tmp");
            JSON.writeValue(tmp.toFile(), extras);
            Files.move(
                    tmp,
                    paths.containerDir(id).resolve("extras.json"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save container " + id + ": " + e.getMessage(), e);
        }
    }

    Optional<ContainerExtras> extras(String id) {
        Path f = paths.containerDir(id).resolve("extras.json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(f.toFile(), ContainerExtras.class));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "container " + id + " has unreadable extras " + f + ": " + e.getMessage(), e);
        }
    }

    /** Saves the container's last health (atomically: a reader never sees half a file). */
    void saveHealth(String id, LastHealth health) {
        Path dir = paths.containerDir(id);
        if (!Files.isDirectory(dir)) {
            return; // removed meanwhile: nothing to remember
        }
        try {
            Path tmp = dir.resolve("health.json.tmp");
            JSON.writeValue(tmp.toFile(), health);
            Files.move(
                    tmp,
                    dir.resolve("health.json"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the health of container " + id + ": " + e.getMessage(), e);
        }
    }

    /** The last saved health; empty when none was saved or the file cannot be read (health then starts afresh). */
    Optional<LastHealth> lastHealth(String id) {
        Path f = paths.containerDir(id).resolve("health.json");
        try {
            return Files.isRegularFile(f)
                    ? Optional.of(JSON.readValue(f.toFile(), LastHealth.class))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Saves what the restart policy must remember (atomically); nothing once the container is removed. */
    void saveRestart(String id, RestartMemory memory) {
        Path dir = paths.containerDir(id);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            Path tmp = dir.resolve("restart.json.tmp");
            JSON.writeValue(tmp.toFile(), memory);
            Files.move(
                    tmp,
                    dir.resolve("restart.json"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot save the restart state of container " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the restart policy remembers of the container; {@link RestartMemory#FRESH} when nothing was saved
     * (a container of an older engine) or the file cannot be read.
     */
    RestartMemory restartMemory(String id) {
        Path f = paths.containerDir(id).resolve("restart.json");
        try {
            return Files.isRegularFile(f) ? JSON.readValue(f.toFile(), RestartMemory.class) : RestartMemory.FRESH;
        } catch (IOException e) {
            return RestartMemory.FRESH;
        }
    }

    /**
     * Notes an anonymous volume of the container before it is made, so that what a create cut short
     * (a failure, or the engine killed) made can be found and removed even if no record says so.
     */
    void reserveVolume(String id, String volume) {
        try {
            Files.createDirectories(paths.containerDir(id));
            Files.writeString(reservations(id), volume + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot note volume " + volume + " of container " + id + ": " + e.getMessage(), e);
        }
    }

    /** The anonymous volumes noted for the container (some may never have been made). */
    List<String> reservedVolumes(String id) {
        try {
            return Files.isRegularFile(reservations(id))
                    ? Files.readAllLines(reservations(id)).stream()
                            .filter(l -> !l.isBlank())
                            .toList()
                    : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + reservations(id) + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the notes: the volumes outlive the container (rm without -v keeps anonymous volumes, as docker does). */
    void releaseVolumes(String id) {
        try {
            Files.deleteIfExists(reservations(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + reservations(id) + ": " + e.getMessage(), e);
        }
    }

    private Path reservations(String id) {
        return paths.containerDir(id).resolve("anonymous-volumes");
    }

    /** The ids of the containers that have files here. */
    List<String> ids() {
        Path root = paths.stackRoot().resolve("containers");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the container's directory (the shared parents stay: parallel creations write into them). */
    void delete(String id) {
        Path dir = paths.containerDir(id);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the files of container " + id + ": " + e.getMessage(), e);
        }
    }
}
