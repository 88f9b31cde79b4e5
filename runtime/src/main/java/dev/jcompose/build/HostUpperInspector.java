package dev.jcompose.build;

import dev.jcompose.JcomposeException;
import dev.jcompose.rootfs.XattrReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.SortedMap;

/** The real {@link UpperInspector}: the JDK's {@code unix:*} attributes and the kernel's xattr calls. */
public final class HostUpperInspector implements UpperInspector {
    private static final int S_IFMT = 0170000;
    private final XattrReader xattrs = new XattrReader();

    @Override
    public FileStat stat(Path path) {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            long rdev = (Long) a.get("rdev");
            return new FileStat(
                    type(mode & S_IFMT, path),
                    mode & 07777,
                    (Integer) a.get("uid") & 0xffffffffL,
                    (Integer) a.get("gid") & 0xffffffffL,
                    (Long) a.get("size"),
                    ((FileTime) a.get("lastModifiedTime")).toInstant(),
                    (Long) a.get("dev"),
                    (Long) a.get("ino"),
                    (Integer) a.get("nlink"),
                    // glibc's gnu_dev_major/minor: 12 bits of major, 20 of minor, split across the word
                    (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL)),
                    (int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL)));
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot read " + path + " of a build step's changes: " + e.getMessage(),
                    "check that nothing else modifies the build's directories");
        }
    }

    @Override
    public SortedMap<String, byte[]> xattrs(Path path) {
        return xattrs.read(path);
    }

    private static FileStat.Type type(int format, Path path) {
        return switch (format) {
            case 0100000 -> FileStat.Type.FILE;
            case 0040000 -> FileStat.Type.DIRECTORY;
            case 0120000 -> FileStat.Type.SYMLINK;
            case 0010000 -> FileStat.Type.FIFO;
            case 0020000 -> FileStat.Type.CHAR_DEVICE;
            case 0060000 -> FileStat.Type.BLOCK_DEVICE;
            case 0140000 -> FileStat.Type.SOCKET;
            default ->
                throw new JcomposeException("unknown file type " + Integer.toOctalString(format) + " of " + path, null);
        };
    }
}
