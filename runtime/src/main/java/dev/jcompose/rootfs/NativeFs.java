package dev.jcompose.rootfs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import jnr.ffi.annotations.SaveError;

/**
 * The few file system calls the JDK lacks: device nodes, extended attributes in any namespace
 * (the JDK only reaches {@code user.*}), and ownership/mode changes that never follow symlinks.
 * Every call takes an absolute path that the caller has already resolved without symlinks. Public for
 * the builder's COPY, which sets owners and full modes (setuid included) on what it writes.
 */
public final class NativeFs {
    static final int S_IFIFO = 0010000;
    static final int S_IFCHR = 0020000;
    static final int S_IFBLK = 0060000;
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;

    /** The libc functions used, bound with jnr-ffi (already on the class path through jnr-posix). */
    public interface LibC {
        @SaveError
        int mknod(String path, int mode, long dev);

        @SaveError
        int lsetxattr(String path, String name, byte[] value, long size, int flags);

        @SaveError
        long lgetxattr(String path, String name, byte[] value, long size);

        @SaveError
        long llistxattr(String path, byte[] list, long size);

        @SaveError
        int utimensat(int dirfd, String path, long[] times, int flags);

        @SaveError
        int lchown(String path, int uid, int gid);

        @SaveError
        int chmod(String path, int mode);

        String strerror(int errno);
    }

    private final LibC libc;
    private final jnr.ffi.Runtime runtime;

    public NativeFs() {
        libc = LibraryLoader.create(LibC.class).load("c");
        runtime = jnr.ffi.Runtime.getRuntime(libc);
    }

    void mknod(Path path, int typeAndMode, int major, int minor) {
        long dev = ((long) (major & 0xfff) << 8) | (minor & 0xff) | ((long) (minor & ~0xff) << 12);
        check(libc.mknod(path.toString(), typeAndMode, dev), "mknod", path);
    }

    void setXattr(Path path, String name, byte[] value) {
        check(libc.lsetxattr(path.toString(), name, value, value.length, 0), "setxattr " + name, path);
    }

    /** The attribute's value as text, or {@code null} when absent. */
    String getXattr(Path path, String name) {
        byte[] buf = new byte[4096];
        long n = libc.lgetxattr(path.toString(), name, buf, buf.length);
        return n < 0 ? null : new String(buf, 0, (int) n, StandardCharsets.UTF_8);
    }

    /** The names of all extended attributes of {@code path} (not following a symlink), in any namespace. */
    java.util.List<String> listXattrs(Path path) {
        long size = libc.llistxattr(path.toString(), null, 0);
        check(size, "listxattr", path);
        if (size == 0) {
            return java.util.List.of();
        }
        byte[] buf = new byte[(int) size];
        long n = libc.llistxattr(path.toString(), buf, buf.length);
        check(n, "listxattr", path); // ERANGE if one was added in between: rare, and reported
        java.util.List<String> out = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (buf[i] == 0) {
                out.add(new String(buf, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return out;
    }

    /** The attribute's raw value, or {@code null} when absent. */
    byte[] getXattrBytes(Path path, String name) {
        long size = libc.lgetxattr(path.toString(), name, null, 0);
        if (size < 0) {
            return null;
        }
        byte[] buf = new byte[(int) size];
        long n = libc.lgetxattr(path.toString(), name, buf, buf.length);
        return n < 0 ? null : java.util.Arrays.copyOf(buf, (int) n);
    }

    /**
     * Sets access and modification time without opening the file: the JDK's setTimes may open it
     * for attribute access, which blocks forever on a FIFO without a writer.
     */
    void setTimes(Path path, java.time.Instant time) {
        long[] times = {time.getEpochSecond(), time.getNano(), time.getEpochSecond(), time.getNano()};
        check(libc.utimensat(AT_FDCWD, path.toString(), times, AT_SYMLINK_NOFOLLOW), "utimensat", path);
    }

    public void lchown(Path path, int uid, int gid) {
        check(libc.lchown(path.toString(), uid, gid), "lchown", path);
    }

    public void chmod(Path path, int mode) {
        check(libc.chmod(path.toString(), mode), "chmod", path);
    }

    private void check(long rc, String op, Path path) {
        if (rc < 0) {
            int errno = runtime.getLastError();
            throw new java.io.UncheckedIOException(
                    new java.io.IOException(op + " " + path + ": " + libc.strerror(errno)));
        }
    }
}
