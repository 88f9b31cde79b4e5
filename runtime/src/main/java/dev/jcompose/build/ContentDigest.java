package dev.jcompose.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A sha256 over what a COPY brings, fed field by field: every string NUL-terminated and byte arrays
 * after their length, so no two different inputs can run together into the same stream. Files are fed
 * as their own sha256 (see {@link FileDigests}), never held in memory.
 */
final class ContentDigest {
    private final MessageDigest sha;

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

    /** The file's length and content digest ({@link FileDigests}: streamed, or remembered when unchanged). */
    ContentDigest file(Path p, long size, FileDigests digests) {
        return number(size).text(digests.sha256(p, size));
    }

    String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
