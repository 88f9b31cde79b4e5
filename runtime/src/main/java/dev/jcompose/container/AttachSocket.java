package dev.jcompose.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import jnr.ffi.LibraryLoader;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;

/**
 * A client of conmon's attach socket ({@code <bundle>/attach}, conmon {@code --full-attach}): a unix
 * SOCK_SEQPACKET socket, which the JDK cannot open (its unix sockets are stream-only), so libc is
 * called through jnr-ffi (on the class path through jnr-posix). Each packet conmon sends is one
 * byte naming the stream (2 stdout, 3 stderr; a terminal's output is all stdout) and the bytes
 * read from it; what the client writes is the container's standard input, raw, and shutting down
 * the write side closes that input (conmon without {@code --leave-stdin-open}). The path is
 * reached through {@code /proc/self/fd/N} of the opened bundle directory, as conmon binds it, so
 * a long state root does not overflow sun_path's 108 bytes.
 */
public final class AttachSocket implements AutoCloseable {
    public static final int STDOUT = 2;
    public static final int STDERR = 3;
    /** conmon reads up to 8 KiB of a stream per packet; a larger buffer never truncates one. */
    static final int PACKET = 1 << 16;

    private static final int AF_UNIX = 1;
    private static final int SOCK_SEQPACKET = 5;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int O_PATH = 0x200000;
    private static final int O_CLOEXEC = 0x80000;
    private static final int SHUT_RD = 0;
    private static final int SHUT_WR = 1;
    private static final int SHUT_RDWR = 2;

    /** The libc functions used. */
    public interface LibC {
        @SaveError
        int socket(int domain, int type, int protocol);

        @SaveError
        int connect(int fd, @In byte[] address, int length);

        @SaveError
        long read(int fd, @Out byte[] buf, long count);

        @SaveError
        long write(int fd, @In byte[] buf, long count);

        @SaveError
        int shutdown(int fd, int how);

        @SaveError
        int close(int fd);

        @SaveError
        int open(String path, int flags);

        String strerror(int errno);
    }

    /** One packet: the stream it came from and its bytes. */
    public record Packet(int stream, byte[] data) {}

    private final int fd;
    private final byte[] buffer = new byte[PACKET];
    /** Set under the lock before the descriptor is closed: its number may be reused at once. */
    private volatile boolean closed;

    private AttachSocket(int fd) {
        this.fd = fd;
    }

    /** Connects to {@code <bundleDir>/attach}. */
    public static AttachSocket connect(Path bundleDir) throws IOException {
        LibC c = libc();
        int dir = c.open(bundleDir.toString(), O_PATH | O_CLOEXEC);
        if (dir < 0) {
            throw failure(c, "cannot open " + bundleDir);
        }
        try {
            int fd = c.socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                throw failure(c, "cannot create a SOCK_SEQPACKET socket");
            }
            byte[] address = address("/proc/self/fd/" + dir + "/attach");
            if (c.connect(fd, address, address.length) < 0) {
                IOException e = failure(c, "cannot connect to the attach socket " + bundleDir.resolve("attach"));
                c.close(fd);
                throw e;
            }
            return new AttachSocket(fd);
        } finally {
            c.close(dir);
        }
    }

    /** struct sockaddr_un: the family (little-endian short) and the NUL-terminated path. */
    static byte[] address(String path) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        if (p.length > 107) {
            throw new IllegalArgumentException("socket path longer than 107 bytes: " + path);
        }
        byte[] a = new byte[2 + 108];
        a[0] = (byte) AF_UNIX;
        System.arraycopy(p, 0, a, 2, p.length);
        return a;
    }

    /** The next packet, or null at the end (conmon exited, or {@link #stopReading}). Blocks. */
    public Packet read() throws IOException {
        while (!closed) {
            long n = libc().read(fd, buffer, buffer.length);
            if (n == 0) {
                return null;
            }
            if (n < 0) {
                int errno = jnr.ffi.LastError.getLastError(jnr.ffi.Runtime.getRuntime(libc()));
                if (errno == 4) { // EINTR
                    continue;
                }
                throw new IOException("cannot read the attach socket: " + libc().strerror(errno));
            }
            return new Packet(buffer[0], Arrays.copyOfRange(buffer, 1, (int) n));
        }
        return null;
    }

    /** Sends standard input to the container. */
    public synchronized void write(byte[] data, int length) throws IOException {
        if (closed) {
            throw new IOException("the attach socket is closed");
        }
        byte[] chunk = length == data.length ? data : Arrays.copyOf(data, length);
        long n = libc().write(fd, chunk, length);
        if (n < 0) {
            throw failure(libc(), "cannot write to the attach socket");
        }
    }

    /** The end of standard input: conmon closes the container's stdin. */
    public synchronized void closeInput() {
        if (!closed) {
            libc().shutdown(fd, SHUT_WR);
        }
    }

    /** Makes a blocked {@link #read} return the end, from another thread. */
    public synchronized void stopReading() {
        if (!closed) {
            libc().shutdown(fd, SHUT_RD);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            libc().shutdown(fd, SHUT_RDWR); // wakes a reader still blocked, before the number can be reused
            closed = true;
            libc().close(fd);
        }
    }

    private static IOException failure(LibC c, String what) {
        int errno = jnr.ffi.LastError.getLastError(jnr.ffi.Runtime.getRuntime(c));
        return new IOException(what + ": " + c.strerror(errno));
    }

    private static LibC libc() {
        return Lib.C;
    }

    /** Loaded on first use only: commands that never attach do not pay for binding libc. */
    private static final class Lib {
        static final LibC C = LibraryLoader.create(LibC.class).load("c");
    }
}
