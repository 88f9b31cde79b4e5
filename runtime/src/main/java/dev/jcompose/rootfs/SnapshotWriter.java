package dev.jcompose.rootfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Writes tar entries into one snapshot directory and nowhere else.
 *
 * <p>Names follow {@link EntryName}: absolute ones are rooted at the snapshot, an entry naming the root
 * itself is ignored. Every parent component is looked up without following symlinks: a missing one is created as a
 * directory, a symlink or non-directory is refused. Only this writer touches the (private, 0700)
 * temporary directory while it works, so a checked path cannot change under it. OCI whiteouts become
 * overlayfs whiteouts (char device 0/0) and opaque markers ({@code trusted.overlay.opaque=y}).
 *
 * <p>Device nodes: not created (listed in {@link #skipped()}). A container's /dev is a fresh tmpfs
 * populated by the runtime, so a device node in a layer has no legitimate use and would only widen
 * what a compromised image can reach. FIFOs are created.
 */
final class SnapshotWriter {
    static final String WHITEOUT = ".wh.";
    static final String OPAQUE = ".wh..wh..opq";
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path root;
    private final NativeFs fs;
    private final List<Map.Entry<Path, FileTime>> dirTimes = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    SnapshotWriter(Path root, NativeFs fs) {
        this.root = root;
        this.fs = fs;
    }

    List<String> skipped() {
        return List.copyOf(skipped);
    }

    void write(TarArchiveEntry e, InputStream content) throws IOException {
        EntryName name = EntryName.parse(e.getName());
        if (name.isRoot()) {
            // "/", "." or "./" (umoci, tar -C dir .): containerd ignores an entry that resolves to the
            // root, whatever its type, so the snapshot root keeps its own 0755 owned by root. Applying it
            // would let a rootfs tarred from a 0700 temporary directory lock non-root users out of "/".
            return;
        }
        Path parent = resolveParent(name);
        String base = name.last();
        if (base.equals(OPAQUE)) {
            fs.setXattr(parent, "trusted.overlay.opaque", "y".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (base.startsWith(WHITEOUT)) {
            whiteout(name, parent, base.substring(WHITEOUT.length()));
            return;
        }
        Path target = parent.resolve(base);
        if (e.isDirectory()) {
            directory(target, e);
            return;
        }
        clear(target);
        if (e.isSymbolicLink()) {
            Files.createSymbolicLink(target, Path.of(e.getLinkName()));
        } else if (e.isLink()) {
            hardlink(name, target, e.getLinkName());
            return; // a hardlink shares its target's inode: metadata already set
        } else if (e.isCharacterDevice() || e.isBlockDevice()) {
            skipped.add(
                    String.join("/", name.components()) + " (device " + e.getDevMajor() + ":" + e.getDevMinor() + ")");
            return;
        } else if (e.isFIFO()) {
            fs.mknod(target, NativeFs.S_IFIFO | 0600, 0, 0);
        } else if (e.isFile()) {
            try (OutputStream out =
                    Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW)) {
                content.transferTo(out);
            }
        } else {
            throw new LayerUnpackException("layer entry '" + e.getName() + "' has an unsupported type");
        }
        applyMetadata(target, e);
    }

    /** Sets directory times last: entries written inside a directory change its mtime. */
    void finish() throws IOException {
        for (int i = dirTimes.size() - 1; i >= 0; i--) {
            var dt = dirTimes.get(i);
            Files.getFileAttributeView(dt.getKey(), BasicFileAttributeView.class, NOFOLLOW)
                    .setTimes(dt.getValue(), dt.getValue(), null);
        }
    }

    private void directory(Path target, TarArchiveEntry e) throws IOException {
        BasicFileAttributes a = attrs(target);
        if (a != null && !a.isDirectory()) {
            clear(target);
            a = null;
        }
        if (a == null) {
            Files.createDirectory(target);
        }
        applyMetadata(target, e);
    }

    private void whiteout(EntryName name, Path parent, String hidden) throws IOException {
        if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..") || hidden.startsWith(WHITEOUT)) {
            throw new LayerUnpackException("layer entry '" + name.raw() + "' is a malformed whiteout");
        }
        Path target = parent.resolve(hidden);
        clear(target);
        fs.mknod(target, NativeFs.S_IFCHR | 0, 0, 0);
    }

    private void hardlink(EntryName name, Path target, String linkName) throws IOException {
        EntryName to = EntryName.parse(linkName);
        if (to.isRoot()) {
            throw new LayerUnpackException("layer entry '" + name.raw() + "' is a hardlink to the root directory");
        }
        Path source = resolveExistingParent(to, name).resolve(to.last());
        BasicFileAttributes a = attrs(source);
        if (a == null || a.isDirectory()) {
            throw new LayerUnpackException("layer entry '" + name.raw() + "' is a hardlink to '" + linkName
                    + "', which is " + (a == null ? "not an earlier entry of the layer" : "a directory"));
        }
        // link(2) does not follow a symlink source: linking to a symlink copies the link, not its target.
        Files.createLink(target, source);
    }

    private void applyMetadata(Path p, TarArchiveEntry e) throws IOException {
        fs.lchown(p, (int) e.getLongUserId(), (int) e.getLongGroupId());
        boolean symlink = e.isSymbolicLink();
        if (!symlink) {
            // chown above cleared setuid/setgid: the mode goes on afterwards, all 12 bits of it.
            fs.chmod(p, e.getMode() & 07777);
        }
        for (var x : e.getExtraPaxHeaders().entrySet()) {
            if (x.getKey().startsWith("SCHILY.xattr.")) {
                xattr(p, x.getKey().substring("SCHILY.xattr.".length()), x.getValue());
            }
        }
        FileTime mtime = FileTime.from(e.getLastModifiedDate().toInstant());
        if (e.isDirectory()) {
            dirTimes.add(Map.entry(p, mtime));
        } else if (e.isFIFO()) {
            fs.setTimes(p, mtime.toInstant()); // the JDK's setTimes may open it, and an open FIFO blocks
        } else {
            Files.getFileAttributeView(p, BasicFileAttributeView.class, NOFOLLOW)
                    .setTimes(mtime, mtime, null);
        }
    }

    /**
     * Keeps user.* only. trusted.overlay.* from a layer would forge whiteouts; security.capability is
     * binary and commons-compress hands PAX values over as decoded UTF-8, so its bytes cannot be
     * restored faithfully (listed in skipped: such files lose their file capabilities).
     */
    private void xattr(Path p, String key, String value) {
        if (key.startsWith("user.")) {
            fs.setXattr(p, key, value.getBytes(StandardCharsets.ISO_8859_1));
        } else {
            skipped.add(root.relativize(p) + " (xattr " + key + ")");
        }
    }

    private Path resolveParent(EntryName name) throws IOException {
        Path cur = root;
        for (String c : name.parent()) {
            cur = cur.resolve(c);
            BasicFileAttributes a = attrs(cur);
            if (a == null) {
                Files.createDirectory(cur);
            } else if (a.isSymbolicLink()) {
                throw new LayerUnpackException(
                        "layer entry '" + name.raw() + "' goes through the symlink '" + root.relativize(cur) + "'");
            } else if (!a.isDirectory()) {
                throw new LayerUnpackException("layer entry '" + name.raw() + "' goes through '" + root.relativize(cur)
                        + "', which is not a directory");
            }
        }
        return cur;
    }

    private Path resolveExistingParent(EntryName to, EntryName from) throws IOException {
        Path cur = root;
        for (String c : to.parent()) {
            cur = cur.resolve(c);
            BasicFileAttributes a = attrs(cur);
            if (a == null || a.isSymbolicLink() || !a.isDirectory()) {
                throw new LayerUnpackException("layer entry '" + from.raw() + "' is a hardlink through '"
                        + root.relativize(cur) + "', which is not a directory of the layer");
            }
        }
        return cur;
    }

    /** Removes whatever is at {@code p} (a whole tree for a directory; symlinks are not followed). */
    private static void clear(Path p) throws IOException {
        BasicFileAttributes a = attrs(p);
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

    private static BasicFileAttributes attrs(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
