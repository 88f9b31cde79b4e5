package dev.jcompose.rootfs;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Unpacks one layer blob (tar, tar+gzip or tar+zstd, detected by their magic bytes) into an empty directory,
 * enforcing {@link UnpackLimits} on the uncompressed stream. See {@link SnapshotWriter} for the
 * containment rules. Throws {@link LayerUnpackException} on any malformed or hostile input.
 */
public final class LayerUnpacker {
    private final UnpackLimits limits;
    private final NativeFs fs;

    public LayerUnpacker(UnpackLimits limits) {
        this.limits = limits;
        this.fs = new NativeFs();
    }

    /** What an unpack produced: counts, and what was deliberately not created (device nodes...). */
    public record Result(long bytes, long entries, List<String> skipped) {
        public Result {
            skipped = List.copyOf(skipped);
        }
    }

    public Result unpack(Path blob, Path into) {
        return unpack(blob, into, null);
    }

    /**
     * Unpacks and, when {@code diffId} ("sha256:hex") is given, checks that the uncompressed stream
     * hashes to it: the image config's diff_ids are what the manifest digest vouches for, so this closes
     * the chain from the pulled reference to the files on disk. The caller discards {@code into} on failure.
     */
    public Result unpack(Path blob, Path into, String diffId) {
        MessageDigest hasher = diffId == null ? null : hasherFor(diffId);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(blob), 1 << 16);
                InputStream plain = hasher == null ? decompress(raw) : new DigestInputStream(decompress(raw), hasher);
                CountingStream counted = new CountingStream(plain, limits.maxBytes(), blob);
                TarArchiveInputStream tar = new TarArchiveInputStream(counted)) {
            SnapshotWriter w = new SnapshotWriter(into, fs);
            long entries = 0;
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (++entries > limits.maxEntries()) {
                    throw new LayerUnpackException("layer " + blob.getFileName() + " has more than "
                            + limits.maxEntries() + " entries (the configured limit)");
                }
                w.write(e, tar);
            }
            w.finish();
            if (hasher != null) {
                counted.transferTo(OutputStream.nullOutputStream()); // the tar end padding is hashed too
                verify(hasher, diffId, blob);
            }
            return new Result(counted.count, entries, w.skipped());
        } catch (LayerUnpackException e) {
            throw new LayerUnpackException(e.getMessage() + " (in " + blob + ")", e.getCause());
        } catch (IOException | RuntimeException e) {
            throw new LayerUnpackException("cannot unpack layer " + blob + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest hasherFor(String diffId) {
        int colon = diffId.indexOf(':');
        if (!diffId.startsWith("sha256:") || colon < 0) {
            throw new LayerUnpackException("cannot verify layer diff_id '" + diffId + "': only sha256 is supported");
        }
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void verify(MessageDigest hasher, String diffId, Path blob) {
        String actual = "sha256:" + HexFormat.of().formatHex(hasher.digest());
        if (!actual.equals(diffId)) {
            throw new LayerUnpackException("layer " + blob.getFileName() + " unpacks to " + actual
                    + ", but the image config lists diff_id " + diffId);
        }
    }

    private static InputStream decompress(InputStream in) throws IOException {
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        int b3 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GzipCompressorInputStream(in, true);
        }
        if (b0 == 0x28 && b1 == 0xb5 && b2 == 0x2f && b3 == 0xfd) {
            return new ZstdCompressorInputStream(in);
        }
        return in;
    }

    /** Counts uncompressed bytes as they are read and fails past the cap: headers cannot lie about it. */
    private static final class CountingStream extends FilterInputStream {
        private final long max;
        private final Path blob;
        long count;

        CountingStream(InputStream in, long max, Path blob) {
            super(in);
            this.max = max;
            this.blob = blob;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > max) {
                throw new LayerUnpackException("layer " + blob.getFileName() + " unpacks to more than " + max
                        + " bytes (the configured limit)");
            }
        }
    }
}
