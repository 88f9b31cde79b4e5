package dev.jcompose.lease;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.api.ProjectLease;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The leases on disk, one file per project ({@code <dataRoot>/leases/<project>.json}), under the data
 * root so that they outlive the engine and a reboot: an engine that starts later reaps what a dead
 * owner held. Each file is replaced atomically, so a killed engine leaves the old lease or the new.
 */
public final class LeaseBook {
    /** Project names as the loader allows them: nothing that could leave the directory. */
    private static final Pattern PROJECT = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private static final String SUFFIX = ".json";

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Path dir;

    public LeaseBook(Path dir) {
        this.dir = dir;
    }

    /** Records (or replaces) the lease on {@code project}. */
    public synchronized void hold(String project, ProjectLease lease) {
        Path file = file(project);
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + project, ".tmp");
            try {
                json.writeValue(temp.toFile(), lease);
                move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot record the lease on project " + project + " in " + file + ": " + e.getMessage(),
                    "check that " + dir + " is writable",
                    ExitCode.FAILURE,
                    e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Ends the lease on {@code project}; none is a no-op. */
    public synchronized void release(String project) {
        try {
            Files.deleteIfExists(file(project));
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot end the lease on project " + project + ": " + e.getMessage(),
                    "remove " + file(project) + " by hand",
                    ExitCode.FAILURE,
                    e);
        }
    }

    /** Every lease by project; a file that cannot be read is reported to {@code problems} and skipped. */
    public synchronized SortedMap<String, ProjectLease> all(Consumer<String> problems) {
        SortedMap<String, ProjectLease> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String project = name.substring(0, name.length() - SUFFIX.length());
                if (!PROJECT.matcher(project).matches()) {
                    continue;
                }
                try {
                    out.put(project, json.readValue(f.toFile(), ProjectLease.class));
                } catch (IOException | RuntimeException e) {
                    problems.accept("cannot read the lease " + f + " (" + e.getMessage() + "); remove it by hand");
                }
            }
        } catch (IOException e) {
            problems.accept("cannot list the leases in " + dir + ": " + e.getMessage());
        }
        return out;
    }

    private Path file(String project) {
        if (!PROJECT.matcher(project).matches()) {
            throw new JcomposeException(
                    "invalid project name for a lease: '" + project + "'",
                    "project names are lowercase letters, digits, '_' and '-', starting with a letter or digit",
                    ExitCode.FAILURE);
        }
        return dir.resolve(project + SUFFIX);
    }
}
