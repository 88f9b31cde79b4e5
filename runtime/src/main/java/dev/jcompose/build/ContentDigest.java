package dev.jcompose.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A sha256 over what a COPY brings, fed field by field: every string NUL-terminated and every file's
 * length before its bytes, so no two different inputs can run together into the same stream. File
 * contents are streamed, never held in memory.
 */
final class ContentDigest {
    private final MessageDigest sha;
    private final byte[] buffer = new byte[1 << 16];

    ContentDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    ContentDigest text(String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        return this;
    }

    ContentDigest number(long n) {
        return text(Long.toString(n));
    }

    ContentDigest bytes(byte[] b) {
        number(b.length);
        sha.update(b);
        return this;
    }

    /** The file's length and bytes; a file that changes length while read fails rather than hash wrongly. */
    ContentDigest file(Path p, long size) {
        number(size);
        long read = 0;
        try (InputStream in = Files.newInputStream(p)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                read += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
        if (read != size) {
            throw new UncheckedIOException(new IOException(p + " changed while it was read; run the build again"));
        }
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
