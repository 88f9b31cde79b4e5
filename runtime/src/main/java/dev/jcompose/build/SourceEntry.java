package dev.jcompose.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * One entry COPY reads, as found by lstat: its path relative to the copied source ({@code ""} for the
 * source itself), type, permission bits, owner, size, symlink target, times, and its inode ({@code
 * dev:ino}) and link count, so hard links are copied as hard links.
 */
record SourceEntry(
        String rel,
        Path host,
        Type type,
        int mode,
        int uid,
        int gid,
        long size,
        String link,
        FileTime mtime,
        FileTime atime,
        String inode,
        int links) {

    enum Type {
        DIRECTORY,
        FILE,
        SYMLINK
    }

    private static final int S_IFMT = 0170000;

    /** The entry at {@code host}, or null for what COPY does not carry (sockets, fifos, device nodes). */
    static SourceEntry read(String rel, Path host) {
        try {
            Map<String, Object> a = Files.readAttributes(
                    host,
                    "unix:mode,uid,gid,size,lastModifiedTime,lastAccessTime,dev,ino,nlink",
                    LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            Type type = switch (mode & S_IFMT) {
                case 0040000 -> Type.DIRECTORY;
                case 0100000 -> Type.FILE;
                case 0120000 -> Type.SYMLINK;
                default -> null;
            };
            if (type == null) {
                return null;
            }
            String link = type == Type.SYMLINK ? Files.readSymbolicLink(host).toString() : null;
            return new SourceEntry(
                    rel,
                    host,
                    type,
                    mode & 07777,
                    (Integer) a.get("uid"),
                    (Integer) a.get("gid"),
                    (Long) a.get("size"),
                    link,
                    (FileTime) a.get("lastModifiedTime"),
                    (FileTime) a.get("lastAccessTime"),
                    a.get("dev") + ":" + a.get("ino"),
                    (Integer) a.get("nlink"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + host, e);
        }
    }

    boolean isDirectory() {
        return type == Type.DIRECTORY;
    }
}
