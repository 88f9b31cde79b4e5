package dev.jcompose.build;

import dev.jcompose.dockerfile.DockerfileException;
import dev.jcompose.dockerfile.SourceLine;
import dev.jcompose.rootfs.NativeFs;
import dev.jcompose.rootfs.RootfsPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes COPY/ADD results into a stage's merged root, never outside it. Destination paths are resolved
 * as the image sees them ({@link RootfsPath}: a symlink {@code /app -> /etc} or {@code -> ../../..} stays
 * inside the root); below a resolved directory every entry is created by name after an lstat, and an
 * existing symlink is replaced, never written through. Owners: the {@code --chown} owner, else the
 * source's (another stage) or root's (the context); modes: {@code --chmod} or the source's, all 12 bits;
 * mtimes kept (directories' set last, as writing into them changes them).
 */
final class CopyWriter {
    /** Sets an owner without following a symlink; a seam so ownership can be checked without root. */
    interface Lchown {
        void lchown(Path path, int uid, int gid);
    }

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path root;
    private final SourceLine at;
    private final Ownership owner;
    private final Integer chmod;
    private final NativeFs fs;
    private final Lchown lchown;
    private final List<Map.Entry<Path, FileTime>> dirTimes = new ArrayList<>();
    private final Map<String, Path> linked = new HashMap<>();

    CopyWriter(Path root, SourceLine at, Ownership owner, Integer chmod, NativeFs fs, Lchown lchown) {
        this.root = root.toAbsolutePath().normalize();
        this.at = at;
        this.owner = owner;
        this.chmod = chmod;
        this.fs = fs;
        this.lchown = lchown;
    }

    Path root() {
        return root;
    }

    /** The host path of {@code containerPath} with its symlinks followed inside the root. */
    Path resolve(String containerPath) {
        return RootfsPath.resolve(root, containerPath);
    }

    /** The container path of a host path inside the root. */
    String containerPath(Path host) {
        return "/" + root.relativize(host);
    }

    /**
     * Makes {@code containerPath} a directory, creating what is missing as COPY does (0755, owned by the
     * {@code --chown} owner or root), and returns its resolved host path.
     */
    Path ensureDir(String containerPath) throws IOException {
        String acc = "";
        for (String c : GoFilepath.clean("/" + containerPath).split("/")) {
            if (c.isEmpty()) {
                continue;
            }
            acc = acc + "/" + c;
            Path p = resolve(acc);
            BasicFileAttributes a = BuildContext.attrs(p);
            if (a == null) {
                if (BuildContext.attrs(p.getParent()) == null) {
                    ensureDir(containerPath(p.getParent())); // a dangling symlink named a deeper place
                }
                Files.createDirectory(p);
                Ownership o = owner != null ? owner : Ownership.ROOT;
                lchown.lchown(p, o.uid(), o.gid());
                fs.chmod(p, 0755);
            } else if (!a.isDirectory()) {
                throw conflict("cannot copy to non-directory: " + acc);
            }
        }
        return resolve(containerPath);
    }

    /** Keeps an existing directory's mtime, which COPY does not own but changes by writing into it. */
    void keepTime(Path dir) throws IOException {
        dirTimes.add(Map.entry(dir, Files.getLastModifiedTime(dir, NOFOLLOW)));
    }

    /** Writes {@code e} (a context or stage entry) at {@code target}, whose parent is a real directory. */
    void write(SourceEntry e, Path target, boolean keepsOwners) throws IOException {
        BasicFileAttributes a = BuildContext.attrs(target);
        switch (e.type()) {
            case DIRECTORY -> {
                if (a == null) {
                    Files.createDirectory(target);
                } else if (!a.isDirectory()) {
                    throw conflict("cannot copy to non-directory: " + containerPath(target));
                }
            }
            case FILE -> {
                clearForFile(target, a);
                Path first = e.links() > 1 ? linked.putIfAbsent(e.inode(), target) : null;
                if (first != null) {
                    Files.createLink(target, first); // as BuildKit: hard links within one COPY stay links
                    return;
                }
                Files.copy(e.host(), target, NOFOLLOW);
            }
            case SYMLINK -> {
                clearForFile(target, a);
                Files.createSymbolicLink(target, Path.of(e.link()));
            }
        }
        Ownership o = owner != null ? owner : keepsOwners ? new Ownership(e.uid(), e.gid()) : Ownership.ROOT;
        finish(target, e.type(), o, chmod != null ? chmod : e.mode(), e.mtime(), e.atime());
    }

    /** Writes a file from {@code content} (heredocs, archive members) at {@code target}. */
    void writeFile(Path target, InputStream content, Ownership fileOwner, int mode, FileTime mtime) throws IOException {
        clearForFile(target, BuildContext.attrs(target));
        try (OutputStream out =
                Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW)) {
            content.transferTo(out);
        }
        finish(target, SourceEntry.Type.FILE, fileOwner, mode, mtime, mtime);
    }

    /** The {@code --chmod} mode, or {@code fallback}. */
    int mode(int fallback) {
        return chmod != null ? chmod : fallback;
    }

    /**
     * Sets owner ({@code --chown} wins over {@code o}), mode (as given) and times. Owner first: chown
     * clears setuid/setgid, so the mode goes on afterwards.
     */
    void finish(Path p, SourceEntry.Type type, Ownership o, int mode, FileTime mtime, FileTime atime)
            throws IOException {
        Ownership effective = owner != null ? owner : o;
        lchown.lchown(p, effective.uid(), effective.gid());
        if (type != SourceEntry.Type.SYMLINK) {
            fs.chmod(p, mode & 07777);
        }
        if (type == SourceEntry.Type.DIRECTORY) {
            dirTimes.add(Map.entry(p, mtime));
        } else {
            Files.getFileAttributeView(p, BasicFileAttributeView.class, NOFOLLOW)
                    .setTimes(mtime, atime, null);
        }
    }

    /** Sets directory times, innermost last written first. */
    void close() throws IOException {
        for (int i = dirTimes.size() - 1; i >= 0; i--) {
            var dt = dirTimes.get(i);
            Files.getFileAttributeView(dt.getKey(), BasicFileAttributeView.class, NOFOLLOW)
                    .setTimes(dt.getValue(), null, null);
        }
        dirTimes.clear();
    }

    /** An existing file or symlink is replaced (never written through); a directory is not overwritten. */
    private void clearForFile(Path target, BasicFileAttributes a) throws IOException {
        if (a == null) {
            return;
        }
        if (a.isDirectory()) {
            throw conflict("cannot overwrite directory " + containerPath(target) + " with a file");
        }
        Files.delete(target);
    }

    /** Removes whatever is at {@code p}, a whole tree for a directory, without following symlinks. */
    static void removeAll(Path p) throws IOException {
        BasicFileAttributes a = BuildContext.attrs(p);
        if (a == null) {
            return;
        }
        if (a.isDirectory()) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        } else {
            Files.delete(p);
        }
    }

    DockerfileException conflict(String problem) {
        return new DockerfileException(
                at, problem, "change the destination, or remove what is in the way in an earlier step");
    }
}
