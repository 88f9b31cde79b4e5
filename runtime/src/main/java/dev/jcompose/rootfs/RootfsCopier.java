package dev.jcompose.rootfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Fills an empty volume with what an image has at the volume's mount path, as docker does the first
 * time it mounts an empty volume: files, directories, symlinks (as links), hard links, fifos and device
 * nodes, with owner, mode and times. The source path is resolved inside the root file system
 * ({@link RootfsPath}), and the walk never follows a symlink, so a hostile image cannot make the copy
 * read host files; every destination entry is created new, so nothing is written through a link.
 */
public final class RootfsCopier {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private final NativeFs fs;

    public RootfsCopier() {
        this.fs = new NativeFs();
    }

    /**
     * Copies the directory {@code containerPath} of the root file system {@code root} into the empty
     * directory {@code dest}. Returns false, copying nothing, when the path is not a non-empty directory
     * in the root or {@code dest} is not empty (a volume that already has data keeps it).
     */
    public boolean copy(Path root, String containerPath, Path dest) {
        Path source = RootfsPath.resolve(root, containerPath);
        try {
            if (!Files.isDirectory(source, NOFOLLOW) || isEmpty(source) || !isEmpty(dest)) {
                return false;
            }
            Walker w = new Walker(source, dest);
            Files.walkFileTree(source, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE, w);
            w.finish();
            return true;
        } catch (IOException e) {
            throw new RootfsException(
                    "cannot copy " + containerPath + " of the image into the volume " + dest + ": " + e.getMessage(),
                    "check the free space under " + dest + ", or mount the volume with nocopy");
        } catch (UncheckedIOException e) {
            throw new RootfsException(
                    "cannot copy " + containerPath + " of the image into the volume " + dest + ": "
                            + e.getCause().getMessage(),
                    "check the free space under " + dest + ", or mount the volume with nocopy");
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Mirrors the tree; directory times are set last, since creating entries changes them. */
    private final class Walker extends SimpleFileVisitor<Path> {
        private final Path source;
        private final Path dest;
        private final Map<Object, Path> linked = new HashMap<>();
        private final List<Map.Entry<Path, FileTime>> dirTimes = new ArrayList<>();

        Walker(Path source, Path dest) {
            this.source = source;
            this.dest = dest;
        }

        private Path target(Path p) {
            return dest.resolve(source.relativize(p).toString());
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) throws IOException {
            Path t = target(dir);
            if (!dir.equals(source)) {
                Files.createDirectory(t);
            }
            metadata(dir, t);
            dirTimes.add(Map.entry(t, a.lastModifiedTime()));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
            Path t = target(file);
            if (a.isSymbolicLink()) {
                Files.createSymbolicLink(t, Files.readSymbolicLink(file));
                fs.lchown(t, uid(file), gid(file));
                times(t, a.lastModifiedTime());
                return FileVisitResult.CONTINUE;
            }
            Object key = a.fileKey();
            int nlink = (Integer) Files.getAttribute(file, "unix:nlink", NOFOLLOW);
            if (nlink > 1 && key != null && linked.containsKey(key)) {
                Files.createLink(t, linked.get(key));
                return FileVisitResult.CONTINUE;
            }
            int mode = (Integer) Files.getAttribute(file, "unix:mode", NOFOLLOW);
            if (a.isRegularFile()) {
                Files.copy(file, t, NOFOLLOW); // never replaces: fails if t exists
            } else if ((mode & 0170000) == 0140000) {
                return FileVisitResult.CONTINUE; // a socket is a live endpoint, not data
            } else {
                long rdev = (Long) Files.getAttribute(file, "unix:rdev", NOFOLLOW);
                fs.mknod(t, mode & 0170000 | 0600, (int) ((rdev >> 8) & 0xfff), (int)
                        ((rdev & 0xff) | ((rdev >> 12) & ~0xffL)));
            }
            if (nlink > 1 && key != null) {
                linked.put(key, t);
            }
            metadata(file, t);
            if (a.isRegularFile()) {
                times(t, a.lastModifiedTime()); // setting times opens the entry: a fifo would block
            }
            return FileVisitResult.CONTINUE;
        }

        /** Owner first: chown clears setuid/setgid, so the full mode goes on afterwards. */
        private void metadata(Path from, Path to) throws IOException {
            fs.lchown(to, uid(from), gid(from));
            fs.chmod(to, (Integer) Files.getAttribute(from, "unix:mode", NOFOLLOW) & 07777);
        }

        void finish() throws IOException {
            for (int i = dirTimes.size() - 1; i >= 0; i--) {
                times(dirTimes.get(i).getKey(), dirTimes.get(i).getValue());
            }
        }
    }

    private static int uid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid", NOFOLLOW);
    }

    private static int gid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:gid", NOFOLLOW);
    }

    private static void times(Path p, FileTime t) throws IOException {
        Files.getFileAttributeView(p, BasicFileAttributeView.class, NOFOLLOW).setTimes(t, t, null);
    }
}
