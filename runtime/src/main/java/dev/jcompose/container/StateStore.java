package dev.jcompose.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.jcompose.host.FileVersion;
import dev.jcompose.host.HostPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reads and writes container records; each write is a temp file renamed over the old one. A record
 * read before is kept with the {@link FileVersion} it came from: a record file is never written in
 * place, so a look at a container costs a stat instead of a JSON parse (most of a warm {@code ps}'s
 * time before).
 */
public final class StateStore {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final HostPaths paths;
    private final Map<String, Parsed> reads = new ConcurrentHashMap<>();

    /** A record and the version of the file it was read from. */
    private record Parsed(FileVersion version, ContainerRecord record) {}

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
            reads.remove(r.id()); // read back from the file: another process may have replaced it since
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save container state " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<ContainerRecord> load(String id) {
        Path file = ContainerDirs.of(paths, id).record();
        Optional<FileVersion> before;
        try {
            before = FileVersion.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read container state " + file + ": " + e.getMessage(), e);
        }
        if (before.isEmpty()) {
            reads.remove(id);
            return Optional.empty();
        }
        Parsed known = reads.get(id);
        if (known != null && known.version().equals(before.get())) {
            return Optional.of(known.record());
        }
        try {
            // read after the stat: the content is at least as new as the identity it is kept under
            ContainerRecord r = JSON.readValue(file.toFile(), ContainerRecord.class);
            reads.put(id, new Parsed(before.get(), r));
            return Optional.of(r);
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            reads.remove(id);
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
            List<String> ids = new ArrayList<>(
                    s.map(p -> p.getFileName().toString()).sorted().toList());
            reads.keySet().retainAll(new java.util.HashSet<>(ids)); // removed containers are forgotten
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
