package dev.jcompose.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sha256 of files' contents, remembered by their stat stamp (device, inode, size, mtime and ctime),
 * so a cached rebuild over a large context re-reads only what changed. Kept by whoever runs builds for as
 * long as it lives; a fresh instance simply hashes everything. Safe for concurrent stages.
 */
public final class FileDigests {
    private record Stamp(Object dev, Object ino, Object size, Object mtime, Object ctime) {}

    private record Known(Stamp stamp, String sha256) {}

    private final Map<Path, Known> known = new ConcurrentHashMap<>();

    /** The hex sha256 of the regular file {@code p}; fails when it changes length while read. */
    String sha256(Path p, long expectedSize) {
        Stamp before = stamp(p);
        Known k = known.get(p);
        if (k != null && k.stamp().equals(before)) {
            return k.sha256();
        }
        String sha = hash(p, expectedSize);
        if (before.equals(stamp(p))) {
            known.put(p, new Known(before, sha)); // not remembered when it changed while read
        }
        return sha;
    }

    private static Stamp stamp(Path p) {
        try {
            Map<String, Object> a =
                    Files.readAttributes(p, "unix:dev,ino,size,lastModifiedTime,ctime", LinkOption.NOFOLLOW_LINKS);
            return new Stamp(a.get("dev"), a.get("ino"), a.get("size"), a.get("lastModifiedTime"), a.get("ctime"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    private static String hash(Path p, long expectedSize) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        long read = 0;
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                read += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
        if (read != expectedSize) {
            throw new UncheckedIOException(new IOException(p + " changed while it was read"));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
