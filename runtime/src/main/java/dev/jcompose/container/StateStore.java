package dev.jcompose.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.jcompose.host.HostPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads and writes container records; each write is a temp file renamed over the old one. */
public final class StateStore {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final HostPaths paths;

    public StateStore(HostPaths paths) {
        this.paths = paths;
    }

    public void save(ContainerRecord r) {
        Path file = ContainerDirs.of(paths, r.id()).record();
        try {
            Files.createDirectories(file.getParent());
            // a unique temp file: two processes (or an exit poll and a command) may save the same record at once
            Path tmp = Files.createTempFile(file.getParent(), "state.json.", ".tmp");
            JSON.writeValue(tmp.toFile(), r);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save container state " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<ContainerRecord> load(String id) {
        Path file = ContainerDirs.of(paths, id).record();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), ContainerRecord.class));
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            return Optional.empty(); // removed between the check and the read
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read container state " + file + ": " + e.getMessage(), e);
        }
    }

    /** Ids of all containers with a state directory, sorted. */
    public List<String> ids() {
        Path dir = paths.runRoot().resolve("containers");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
