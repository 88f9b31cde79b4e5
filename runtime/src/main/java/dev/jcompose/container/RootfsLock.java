package dev.jcompose.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps snapshot pruning away from unpacks and container creation, in this process and in other
 * jcompose processes on the same data root: unpacking and creating share the lock (parallel pulls stay
 * parallel), pruning takes it alone. In the process a read-write lock; across processes a POSIX record
 * lock on one file, held shared while any thread here is inside (one JVM cannot hold two overlapping
 * locks on a file, so the readers share one).
 */
final class RootfsLock {
    private final ReentrantReadWriteLock local = new ReentrantReadWriteLock();
    private final Path file;
    private FileChannel sharedChannel; // guarded by this, with readers
    private int readers;

    RootfsLock(Path file) {
        this.file = file;
    }

    <T> T shared(Supplier<T> action) {
        local.readLock().lock();
        try {
            acquireShared();
            try {
                return action.get();
            } finally {
                releaseShared();
            }
        } finally {
            local.readLock().unlock();
        }
    }

    @SuppressWarnings("try") // the file lock is held for the block, not used in it
    <T> T exclusive(Supplier<T> action) {
        local.writeLock().lock();
        try (FileChannel ch = open();
                FileLock ignored = ch.lock()) {
            return action.get();
        } catch (IOException e) {
            throw failure(e);
        } finally {
            local.writeLock().unlock();
        }
    }

    /** Threads waiting for the in-process lock (for tests). */
    int queued() {
        return local.getQueueLength();
    }

    private synchronized void acquireShared() {
        if (readers == 0) {
            try {
                FileChannel ch = open();
                try {
                    ch.lock(0, Long.MAX_VALUE, true);
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    throw e;
                }
                sharedChannel = ch;
            } catch (IOException e) {
                throw failure(e);
            }
        }
        readers++;
    }

    private synchronized void releaseShared() {
        if (--readers == 0) {
            try {
                sharedChannel.close(); // releases the file lock
            } catch (IOException e) {
                throw failure(e);
            } finally {
                sharedChannel = null;
            }
        }
    }

    private FileChannel open() throws IOException {
        Files.createDirectories(file.getParent());
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private UncheckedIOException failure(IOException e) {
        return new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    }
}
