package dev.jcompose.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jcompose.JcomposeException;
import dev.jcompose.host.FileVersion;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The state file {@code <runRoot>/network/state.json} behind an exclusive lock on
 * {@code <runRoot>/network/lock}: every change is a read-modify-write under the lock (threads of
 * this process queue on an in-process lock first, since a JVM may hold a file lock only once),
 * written to a temporary file and atomically renamed, so a SIGKILL never leaves half a file.
 *
 * <p>It lives under the run root on purpose: it describes kernel objects (bridges, veths, netns
 * mounts, rules) that vanish on reboot together with /run, and survives any jcompose restart.
 */
public final class NetworkStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;
    private final ReentrantLock local = new ReentrantLock();
    /**
     * The state as last read or written, with the {@link FileVersion} of its file; read and written
     * under the lock only. Every writer holds the lock and replaces the file, so a look costs a stat,
     * not a JSON parse, while nobody changed it.
     */
    private Known known;

    private record Known(FileVersion version, NetworkState state) {}

    public NetworkStore(Path dir) {
        this.dir = dir;
    }

    /** A locked view: read the state, replace it (written through at once). */
    public interface Txn {
        NetworkState state();

        void put(NetworkState next);
    }

    public <T> T locked(Function<Txn, T> body) {
        local.lock();
        try {
            Files.createDirectories(dir);
            try (FileChannel ch =
                            FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock held = ch.lock()) {
                assert held.isValid();
                NetworkState[] current = {read()};
                return body.apply(new Txn() {
                    @Override
                    public NetworkState state() {
                        return current[0];
                    }

                    @Override
                    public void put(NetworkState next) {
                        write(next);
                        current[0] = next;
                    }
                });
            }
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot access the network state in " + dir + ": " + e.getMessage(),
                    "check that " + dir + " is writable (jcompose runs as root)");
        } finally {
            local.unlock();
        }
    }

    public NetworkState snapshot() {
        return locked(Txn::state);
    }

    /** Removes the store's files when nothing is left in it (so a clean host has no trace). */
    public void deleteIfEmpty() {
        locked(t -> {
            if (t.state().networks().isEmpty() && t.state().endpoints().isEmpty()) {
                try {
                    Files.deleteIfExists(dir.resolve("state.json"));
                    known = null;
                } catch (IOException e) {
                    throw new JcomposeException(
                            "cannot remove " + dir.resolve("state.json") + ": " + e.getMessage(), null);
                }
            }
            return null;
        });
    }

    private NetworkState read() throws IOException {
        Path f = dir.resolve("state.json");
        Optional<FileVersion> version = FileVersion.of(f);
        if (version.isEmpty()) {
            known = null;
            return NetworkState.empty();
        }
        if (known != null && known.version().equals(version.get())) {
            return known.state();
        }
        NetworkState s = JSON.readValue(f.toFile(), NetworkState.class);
        known = new Known(version.get(), s);
        return s;
    }

    private void write(NetworkState s) {
        Path f = dir.resolve("state.json");
        Path tmp = dir.resolve("state.json.tmp");
        try {
            Files.write(tmp, JSON.writeValueAsBytes(s));
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
            known = FileVersion.of(f).map(v -> new Known(v, s)).orElse(null);
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot write the network state " + f + ": " + e.getMessage(),
                    "check free space and permissions of " + dir);
        }
    }
}
