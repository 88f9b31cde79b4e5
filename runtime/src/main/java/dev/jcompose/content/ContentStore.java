package dev.jcompose.content;

import dev.jcompose.host.HostPaths;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Content-addressed blob store: {@code <root>/blobs/<algorithm>/<hex>}. A blob is written to
 * {@code <root>/ingest/} first and renamed into place only after its digest and size verified and
 * its bytes were fsynced, so a crash never leaves a corrupt blob visible; an interrupted ingest
 * stays in {@code ingest/} and is resumed by the next {@link #ingest} of the same digest.
 */
public final class ContentStore {
    private final Path root;
    /** In-process exclusion per digest; the region lock in {@link Ingest} excludes other processes. */
    private final ConcurrentHashMap<Digest, ReentrantLock> ingestLocks = new ConcurrentHashMap<>();

    public ContentStore(Path root) {
        this.root = root;
    }

    /** The store under {@code dataRoot/content}. */
    public static ContentStore under(HostPaths paths) {
        return new ContentStore(paths.dataRoot().resolve("content"));
    }

    public Path root() {
        return root;
    }

    public Path blobPath(Digest digest) {
        return root.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
    }

    Path ingestDir() {
        return root.resolve("ingest");
    }

    public boolean contains(Digest digest) {
        return Files.isRegularFile(blobPath(digest));
    }

    /** The blob's path; throws a {@link ContentException} naming the digest if it is not stored. */
    public Path require(Digest digest) {
        Path p = blobPath(digest);
        if (!Files.isRegularFile(p)) {
            throw new ContentException(
                    "blob " + digest + " is not in the content store " + root, "pull or load the image again");
        }
        return p;
    }

    public byte[] read(Digest digest) {
        try {
            return Files.readAllBytes(require(digest));
        } catch (IOException e) {
            throw new ContentException(
                    "cannot read blob " + digest + ": " + e.getMessage(), "check the permissions of " + root, e);
        }
    }

    /** Stores bytes under their sha256 digest (a no-op if present) and returns the digest. */
    public Digest write(byte[] data) {
        Digest d = Digest.sha256(data);
        write(d, data);
        return d;
    }

    /** Stores bytes announced with {@code expected}; throws {@link DigestMismatchException} if they differ. */
    public void write(Digest expected, byte[] data) {
        write(expected, data.length, new ByteArrayInputStream(data));
    }

    /** Stores a stream announced with a digest and size (size -1 when unknown), verifying both. */
    public void write(Digest expected, long size, InputStream in) {
        try (Ingest ingest = ingest(expected, size)) {
            if (ingest.alreadyStored()) {
                return;
            }
            ingest.restart();
            ingest.append(in, n -> {});
            ingest.commit();
        }
    }

    /** Writes a blob's bytes to a stream; the digest is not known before the last byte. */
    @FunctionalInterface
    public interface BlobSource {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A blob written by {@link #write(BlobSource)}: its digest and size in bytes. */
    public record Written(Digest digest, long size) {}

    /**
     * Stores a blob produced as a stream (a layer tar being generated), without holding it in memory:
     * the bytes go to a private file under {@code ingest/} while hashed, are fsynced, and the file is
     * renamed into place (a no-op when the blob is already stored). A failure leaves nothing behind.
     */
    public Written write(BlobSource source) {
        Path tmp = null;
        try {
            Files.createDirectories(ingestDir());
            tmp = Files.createTempFile(ingestDir(), "stream-", ".tmp");
            MessageDigest hasher = Digest.newSha256();
            long size;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                // not closed: closing the streams would close the channel before the fsync
                CountingOutputStream counted =
                        new CountingOutputStream(new DigestOutputStream(Channels.newOutputStream(ch), hasher));
                OutputStream buffered = new BufferedOutputStream(counted, 1 << 16);
                source.writeTo(buffered);
                buffered.flush();
                ch.force(true);
                size = counted.count;
            }
            Digest d = new Digest("sha256", HexFormat.of().formatHex(hasher.digest()));
            Path target = blobPath(d);
            if (!Files.isRegularFile(target)) {
                Files.createDirectories(target.getParent());
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                syncDirectory(target.getParent());
            }
            return new Written(d, size);
        } catch (IOException e) {
            throw new ContentException(
                    "cannot write a blob into the content store " + root + ": " + e.getMessage(),
                    "check the permissions and free space of " + root,
                    e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temp file in ingest/ wastes space but is never read
        }
    }

    /** Counts what passes, so the size needs no second stat. */
    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /**
     * Opens (or resumes) the ingest of one blob. Blocks while another process ingests the same
     * digest. The caller appends bytes from {@link Ingest#offset()} on and commits; closing without
     * commit keeps the partial bytes for a later resume.
     */
    public Ingest ingest(Digest expected, long expectedSize) {
        ReentrantLock lock = ingestLocks.computeIfAbsent(expected, d -> new ReentrantLock());
        lock.lock();
        try {
            return Ingest.open(this, expected, expectedSize, lock);
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    /** Every stored blob, sorted. */
    public SortedSet<Digest> list() {
        SortedSet<Digest> out = new TreeSet<>();
        Path blobs = root.resolve("blobs");
        if (!Files.isDirectory(blobs)) {
            return out;
        }
        try (DirectoryStream<Path> algs = Files.newDirectoryStream(blobs)) {
            for (Path alg : algs) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(alg)) {
                    for (Path f : files) {
                        out.add(new Digest(
                                alg.getFileName().toString(), f.getFileName().toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new ContentException(
                    "cannot list the content store " + root + ": " + e.getMessage(),
                    "check the permissions of " + root,
                    e);
        }
        return out;
    }

    /** Deletes a blob; returns whether it existed. */
    public boolean delete(Digest digest) {
        try {
            return Files.deleteIfExists(blobPath(digest));
        } catch (IOException e) {
            throw new ContentException(
                    "cannot delete blob " + digest + ": " + e.getMessage(), "check the permissions of " + root, e);
        }
    }

    /** The partial ingests left by interrupted downloads, sorted (for tests and `system df`). */
    public SortedSet<String> partialIngests() {
        SortedSet<String> out = new TreeSet<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(ingestDir(), "*.partial")) {
            s.forEach(p -> out.add(p.getFileName().toString()));
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** fsyncs a directory so a rename into it survives a crash. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
