package dev.jcompose.build;

import java.time.Instant;

/**
 * What a layer diff needs to know about one file of an upper directory, as lstat(2) reports it.
 *
 * @param mode  permission bits incl. setuid, setgid and sticky (07777)
 * @param mtime modification time
 * @param dev   the device the file is on; with {@code inode} it identifies hardlinks
 * @param links the link count; above 1 a non-directory may be a hardlink of another entry
 */
public record FileStat(
        Type type,
        int mode,
        long uid,
        long gid,
        long size,
        Instant mtime,
        long dev,
        long inode,
        int links,
        int rdevMajor,
        int rdevMinor) {
    public enum Type {
        FILE,
        DIRECTORY,
        SYMLINK,
        FIFO,
        CHAR_DEVICE,
        BLOCK_DEVICE,
        SOCKET
    }

    /** overlayfs marks a deleted name with a character device 0/0 in the upper directory. */
    public boolean isWhiteout() {
        return type == Type.CHAR_DEVICE && rdevMajor == 0 && rdevMinor == 0;
    }
}
