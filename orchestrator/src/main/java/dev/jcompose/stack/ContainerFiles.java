package dev.jcompose.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The per-container files of the stack: /etc/hosts, /etc/resolv.conf, /etc/hostname and the extras. */
final class ContainerFiles {
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
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
            Files.move(tmp, paths.containerDir(id).resolve("extras.json"), StandardCopyOption.ATOMIC_MOVE,
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
            throw new UncheckedIOException("container " + id + " has unreadable extras " + f + ": " + e.getMessage(), e);
        }
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
