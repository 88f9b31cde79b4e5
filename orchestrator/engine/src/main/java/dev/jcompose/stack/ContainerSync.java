package dev.jcompose.stack;

import dev.jcompose.api.FileSync;
import dev.jcompose.api.StackException;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.oci.RuntimeSpec;
import dev.jcompose.oci.UserResolver;
import dev.jcompose.rootfs.RootfsPath;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code watch}'s sync into one container: writes through the host path of its mounted root file
 * system. Every parent directory is resolved as the container sees it ({@link RootfsPath}), so a
 * symlink in the image cannot lead a write out of the container; the last component itself is
 * replaced, never followed (a rename over it), as {@code docker cp}'s extraction does. New files and
 * directories belong to the container's user, as compose's copy with {@code CopyUIDGID} makes them.
 */
final class ContainerSync {
    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
    };

    private final ContainerRecord container;
    private final Path root;
    private RuntimeSpec.User owner;

    ContainerSync(ContainerRecord container) {
        this.container = container;
        this.root = container.rootfs().target();
    }

    void apply(List<FileSync> changes) {
        if (!Files.isDirectory(root)) {
            throw new StackException(
                    "cannot sync files into " + container.name() + ": its root file system is not mounted at " + root,
                    "start it with `jcompose up`");
        }
        for (FileSync change : changes) {
            try {
                apply(change);
            } catch (IOException e) {
                throw new StackException(
                        "cannot sync " + change.path() + " into " + container.name() + ": " + e,
                        "check the container's file system (full, or read-only?)",
                        e);
            }
        }
    }

    private void apply(FileSync change) throws IOException {
        Path inContainer = Path.of(change.path()).normalize();
        if (inContainer.getFileName() == null) {
            throw new StackException(
                    "cannot sync " + change.kind() + " " + change.path() + " into " + container.name()
                            + ": it is the container's root directory",
                    "set develop.watch target to a directory below /");
        }
        Path parent = change.kind() == FileSync.Kind.DELETE
                ? RootfsPath.resolve(root, inContainer.getParent().toString())
                : directories(inContainer.getParent().toString());
        Path at = parent.resolve(inContainer.getFileName().toString());
        switch (change.kind()) {
            case DELETE -> delete(at);
            case DIRECTORY -> directory(at, change.mode());
            case FILE -> file(parent, at, change);
        }
    }

    /** The directory {@code containerPath}, made (owned by the container's user) where missing. */
    private Path directories(String containerPath) throws IOException {
        Path resolved = root;
        StringBuilder prefix = new StringBuilder();
        for (Path part : Path.of(containerPath)) {
            prefix.append('/').append(part);
            resolved = RootfsPath.resolve(root, prefix.toString());
            if (!Files.isDirectory(resolved, LinkOption.NOFOLLOW_LINKS)) {
                // the resolved path holds no symlink, also where a dangling one pointed
                Files.createDirectories(resolved);
                own(resolved);
            }
        }
        return resolved;
    }

    private void directory(Path at, int mode) throws IOException {
        if (!Files.isDirectory(at, LinkOption.NOFOLLOW_LINKS)) {
            delete(at);
            Files.createDirectory(at);
            own(at);
        }
        Files.setPosixFilePermissions(at, permissions(mode));
    }

    /** Written next to its place, then renamed over it: readers never see half a file. */
    private void file(Path parent, Path at, FileSync change) throws IOException {
        if (Files.isDirectory(at, LinkOption.NOFOLLOW_LINKS)) {
            delete(at);
        }
        Path temp = Files.createTempFile(parent, ".jcompose-sync-", ".tmp");
        try {
            Files.write(temp, change.content());
            Files.setPosixFilePermissions(temp, permissions(change.mode()));
            own(temp);
            Files.move(temp, at, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** {@code rm -rf}: symlinks are removed, not followed. */
    private static void delete(Path at) throws IOException {
        if (!Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(at, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Changes the owner only where it differs (the engine runs as root; a test engine as its user). */
    private void own(Path p) throws IOException {
        if (owner == null) {
            String user = container.spec().user() != null
                    ? container.spec().user()
                    : container.image().user();
            owner = UserResolver.of(root).resolve(user, List.of());
        }
        if ((int) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS) != owner.uid()) {
            Files.setAttribute(p, "unix:uid", owner.uid(), LinkOption.NOFOLLOW_LINKS);
        }
        if ((int) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS) != owner.gid()) {
            Files.setAttribute(p, "unix:gid", owner.gid(), LinkOption.NOFOLLOW_LINKS);
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BITS.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                out.add(BITS[bit]);
            }
        }
        return out;
    }
}
