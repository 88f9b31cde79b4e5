package dev.jcompose.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jcompose.JcomposeException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
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
     * The state as last read or written, with the identity of its file (inode, size, modification
     * time); read and written under the lock only. Every writer holds the lock and replaces the file,
     * so an unchanged identity is unchanged content: a look costs a stat, not a JSON parse.
     */
    private Known known;

    private record Known(Object fileKey, FileTime modified, long size, NetworkState state) {
        boolean sameFile(BasicFileAttributes a) {
            return fileKey != null
                    && fileKey.equals(a.fileKey())
                    && modified.equals(a.lastModifiedTime())
                    && size == a.size();
        }
    }

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
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(f, BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException e) {
            known = null;
            return NetworkState.empty();
        }
        if (known != null && known.sameFile(a)) {
            return known.state();
        }
        NetworkState s = JSON.readValue(f.toFile(), NetworkState.class);
        known = new Known(a.fileKey(), a.lastModifiedTime(), a.size(), s);
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
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            known = new Known(a.fileKey(), a.lastModifiedTime(), a.size(), s);
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot write the network state " + f + ": " + e.getMessage(),
                    "check free space and permissions of " + dir);
        }
    }
}
