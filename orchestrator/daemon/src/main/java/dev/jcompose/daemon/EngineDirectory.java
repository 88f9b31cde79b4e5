package dev.jcompose.daemon;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * {@code <runRoot>/engine}: the engine's control socket, lock, pid file and log. Whoever can write
 * this directory can impersonate the engine (which runs containers as root), so it must be a real
 * directory, owned by the current user, mode 0700; an existing one that is not is refused, never
 * repaired silently.
 */
public record EngineDirectory(Path path) {
    /** Linux's sun_path holds 108 bytes including the terminating NUL. */
    static final int MAX_SOCKET_PATH = 107;

    private static final Set<PosixFilePermission> OWNER_ONLY = SocketAccess.OWNER_DIRECTORY;

    public static EngineDirectory under(Path runRoot) {
        return new EngineDirectory(runRoot.resolve("engine"));
    }

    public Path socket() {
        return path.resolve("engine.sock");
    }

    public Path lock() {
        return path.resolve("engine.lock");
    }

    public Path pidFile() {
        return path.resolve("engine.pid");
    }

    public Path log() {
        return path.resolve("engine.log");
    }

    /** Creates the directory 0700 if absent; checks an existing one. Returns this. */
    public EngineDirectory secure() {
        int length = socket().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (length > MAX_SOCKET_PATH) {
            throw new JcomposeException(
                    "the engine socket path " + socket() + " is too long for a unix socket (" + length
                            + " bytes, at most " + MAX_SOCKET_PATH + ")",
                    "set JCOMPOSE_RUN_ROOT to a shorter directory",
                    ExitCode.FAILURE);
        }
        try {
            Files.createDirectories(path.getParent());
            try {
                Files.createDirectory(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                // The umask can only remove bits; setting them again documents the intent.
                Files.setPosixFilePermissions(path, OWNER_ONLY);
            } catch (FileAlreadyExistsException e) {
                // Checked below like any pre-existing directory.
            }
            check();
            return this;
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot create the engine directory " + path + ": " + e.getMessage(),
                    "check that the parent directory is writable, or set JCOMPOSE_RUN_ROOT",
                    ExitCode.FAILURE,
                    e);
        }
    }

    private void check() throws IOException {
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw unsafe("is not a directory (or is a symbolic link)");
        }
        int owner = owner();
        int self = self();
        if (owner != self) {
            throw unsafe("is owned by uid " + owner + ", not by the current user (uid " + self + ")");
        }
        checkMode(Set.of(OWNER_ONLY, SocketAccess.GROUP_DIRECTORY));
    }

    private void checkMode(Set<Set<PosixFilePermission>> allowed) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (!allowed.contains(mode)) {
            throw unsafe("has mode " + PosixFilePermissions.toString(mode)
                    + ", not rwx------ (or rwxr-x--- for a socket group)");
        }
    }

    private int owner() throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static int self() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    /**
     * The engine's side: {@link #secure()}, then the directory opened to the socket group (or closed
     * to everyone but the owner), as {@code access} says. Returns this.
     */
    public EngineDirectory serveTo(SocketAccess access) {
        secure();
        try {
            access.apply(path, access.directoryMode());
            return this;
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot open the engine directory " + path + " to group " + access.name() + ": " + e.getMessage(),
                    "check that the engine runs as root",
                    ExitCode.FAILURE,
                    e);
        }
    }

    /**
     * Whether another user's engine serves here: the directory exists and belongs to someone else
     * (a user of the socket group reaching root's engine). Such a caller joins, it never starts one.
     */
    public boolean ownedByAnotherUser() {
        try {
            return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && owner() != self();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A socket-group member's check of root's engine directory: it must belong to root and be
     * writable by root alone, or whoever could write it could impersonate the engine.
     */
    public EngineDirectory joinable() {
        try {
            int owner = owner();
            if (owner != 0) {
                throw unsafe("is owned by uid " + owner + ", neither by you nor by root");
            }
            checkMode(Set.of(OWNER_ONLY, SocketAccess.GROUP_DIRECTORY));
            return this;
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot read the engine directory " + path + ": " + e.getMessage(),
                    "ask an administrator to add you to the engine's socket group (README: Testing with jcompose)",
                    ExitCode.FAILURE,
                    e);
        }
    }

    private JcomposeException unsafe(String problem) {
        return new JcomposeException(
                "unsafe engine directory " + path + ": it " + problem,
                "it holds the engine's control socket: remove it (rm -r " + path
                        + ") and jcompose recreates it owned by you with mode 0700",
                ExitCode.FAILURE);
    }
}
