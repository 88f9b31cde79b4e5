package dev.jcompose.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * One blob being written into the {@link ContentStore}: bytes go to {@code ingest/<alg>-<hex>.partial},
 * are hashed as they arrive, and {@link #commit()} verifies digest and size, fsyncs and atomically
 * renames the file into {@code blobs/}. Another process ingesting the same digest is excluded by a
 * byte-range lock on {@code ingest/lock} (one never-deleted file, so no lock-file races).
 */
public final class Ingest implements AutoCloseable {
    private final ContentStore store;
    private final Digest expected;
    private final long expectedSize;
    private final ReentrantLock processLock;
    private final Path partial;
    private FileChannel lockChannel;
    private FileLock fileLock;
    private FileChannel channel;
    private MessageDigest hasher;
    private long offset;
    private boolean done;

    private Ingest(ContentStore store, Digest expected, long expectedSize, ReentrantLock processLock) {
        this.store = store;
        this.expected = expected;
        this.expectedSize = expectedSize;
        this.processLock = processLock;
        this.partial = store.ingestDir().resolve(expected.algorithm() + "-" + expected.hex() + ".partial");
    }

    static Ingest open(ContentStore store, Digest expected, long expectedSize, ReentrantLock processLock) {
        Ingest in = new Ingest(store, expected, expectedSize, processLock);
        try {
            in.lockAcrossProcesses();
            if (store.contains(expected)) {
                in.done = true;
                return in;
            }
            in.openPartial();
            return in;
        } catch (IOException | OverlappingFileLockException e) {
            in.releaseQuietly();
            throw new ContentException(
                    "cannot start writing blob " + expected + " under " + store.root() + ": " + e,
                    "check the permissions and free space of " + store.root(),
                    e);
        }
    }

    private void lockAcrossProcesses() throws IOException {
        Files.createDirectories(store.ingestDir());
        lockChannel = FileChannel.open(
                store.ingestDir().resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        // One byte per digest, at a position derived from it: unrelated blobs collide only rarely,
        // and a collision merely serialises two ingests.
        long position = Long.parseUnsignedLong(expected.hex().substring(0, 12), 16);
        fileLock = lockChannel.lock(position, 1, false);
    }

    private void openPartial() throws IOException {
        channel =
                FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        hasher = expected.newHasher();
        long existing = channel.size();
        if (expectedSize >= 0 && existing > expectedSize) {
            truncate();
            return;
        }
        // Re-hash what a previous attempt wrote, so a resume verifies the whole blob.
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long pos = 0;
        while (pos < existing) {
            buf.clear();
            int n = channel.read(buf, pos);
            if (n < 0) {
                break;
            }
            hasher.update(buf.array(), 0, n);
            pos += n;
        }
        offset = pos;
        channel.position(pos);
    }

    /** True when the blob was already in the store: nothing to write, {@link #commit()} is a no-op. */
    public boolean alreadyStored() {
        return done && channel == null;
    }

    /** How many bytes a previous attempt already wrote; append from here (an HTTP Range start). */
    public long offset() {
        return offset;
    }

    public Digest expected() {
        return expected;
    }

    /** Drops any partial bytes: the source could not resume, it sends the blob from the start. */
    public void restart() {
        if (alreadyStored()) {
            return;
        }
        try {
            truncate();
        } catch (IOException e) {
            throw failure("cannot truncate", e);
        }
    }

    private void truncate() throws IOException {
        channel.truncate(0);
        channel.position(0);
        hasher = expected.newHasher();
        offset = 0;
    }

    /** Appends everything {@code in} yields; {@code progress} gets the running total after each chunk. */
    public void append(InputStream in, LongConsumer progress) {
        byte[] buf = new byte[1 << 16];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (expectedSize >= 0 && offset + n > expectedSize) {
                    discard();
                    throw new DigestMismatchException(
                            expected,
                            "more than the announced " + expectedSize + " bytes arrived",
                            "the source is corrupt or hostile; pull again");
                }
                channel.write(ByteBuffer.wrap(buf, 0, n));
                hasher.update(buf, 0, n);
                offset += n;
                progress.accept(offset);
            }
        } catch (IOException e) {
            throw failure("interrupted after " + offset + " bytes", e);
        }
    }

    /** Verifies, fsyncs and publishes the blob; on a mismatch deletes the partial file and throws. */
    public Path commit() {
        Path target = store.blobPath(expected);
        if (done) {
            return target;
        }
        Digest actual = expected.sameAlgorithm(hasher);
        if (!actual.equals(expected) || (expectedSize >= 0 && offset != expectedSize)) {
            long got = offset;
            discard();
            throw new DigestMismatchException(
                    expected,
                    "received " + got + " bytes hashing to " + actual
                            + (expectedSize >= 0 ? ", expected " + expectedSize + " bytes" : ""),
                    "the source served corrupt data; pull again, and if it persists check the registry or mirror");
        }
        try {
            channel.force(true);
            channel.close();
            channel = null;
            Files.createDirectories(target.getParent());
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            ContentStore.syncDirectory(target.getParent());
        } catch (IOException e) {
            throw failure("cannot publish", e);
        }
        done = true;
        return target;
    }

    private void discard() {
        try {
            if (channel != null) {
                channel.close();
                channel = null;
            }
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw failure("cannot delete the partial file", e);
        }
        done = true;
    }

    private ContentException failure(String what, IOException e) {
        return new ContentException(
                "writing blob " + expected + " " + what + ": " + e.getMessage(),
                "check free space and permissions under " + store.root() + ", then retry",
                e);
    }

    /** Releases the locks; uncommitted bytes stay in the partial file for a later resume. */
    @Override
    public void close() {
        releaseQuietly();
    }

    private void releaseQuietly() {
        try {
            if (channel != null) {
                channel.close();
                channel = null;
            }
            if (fileLock != null) {
                fileLock.release();
                fileLock = null;
            }
            if (lockChannel != null) {
                lockChannel.close();
                lockChannel = null;
            }
        } catch (IOException e) {
            // Closing cannot lose data here: committed bytes were fsynced, the rest is resumable.
        } finally {
            if (processLock.isHeldByCurrentThread()) {
                processLock.unlock();
            }
        }
    }
}
