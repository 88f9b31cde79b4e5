package dev.jcompose.rootfs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes layer tars for tests: a busybox base layer, and arbitrary (also hostile) entries. Names are
 * written as given: absolute ones keep their leading slash (commons-compress would strip it by default).
 */
public final class TestLayers {
    public static final Path BUSYBOX = Path.of("/bin/busybox");
    public static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n"
            + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
    public static final String GROUP =
            "root:x:0:\napp:x:1000:\nextra:x:2000:app\nother:x:3000:root\n" + "nogroup:x:65534:\n";

    private final TarArchiveOutputStream tar;

    private TestLayers(TarArchiveOutputStream tar) {
        this.tar = tar;
    }

    /** Writes a layer at {@code path}; gzip-compressed when the name ends with .gz. */
    public static Path write(Path path, Consumer<TestLayers> body) {
        try (OutputStream f = Files.newOutputStream(path);
                OutputStream z = path.toString().endsWith(".gz") ? new GZIPOutputStream(f) : f;
                TarArchiveOutputStream t = new TarArchiveOutputStream(z)) {
            t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            t.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            body.accept(new TestLayers(t));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }

    /** The busybox base: /bin/busybox, one symlink per applet, /etc/passwd and /etc/group. */
    public static Path busybox(Path path) {
        return write(path, l -> {
            l.dir("bin", 0755).file("bin/busybox", read(BUSYBOX), 0755);
            for (String applet : applets()) {
                if (!applet.equals("busybox")) {
                    l.symlink("bin/" + applet, "busybox");
                }
            }
            l.dir("etc", 0755)
                    .file("etc/passwd", PASSWD.getBytes(StandardCharsets.UTF_8), 0644)
                    .file("etc/group", GROUP.getBytes(StandardCharsets.UTF_8), 0644)
                    .dir("tmp", 01777)
                    .dir("root", 0700)
                    .dir("proc", 0755)
                    .dir("sys", 0755)
                    .dir("dev", 0755)
                    .dir("sbin", 0755)
                    .dir("usr", 0755)
                    .dir("usr/bin", 0755)
                    .dir("home", 0755)
                    .dir("home/app", 0755);
        });
    }

    public TestLayers dir(String name, int mode) {
        TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
        e.setMode(mode);
        return put(e, null);
    }

    public TestLayers file(String name, byte[] data, int mode) {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setMode(mode);
        e.setSize(data.length);
        return put(e, data);
    }

    public TestLayers file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8), 0644);
    }

    public TestLayers entry(TarArchiveEntry e, byte[] data) {
        return put(e, data);
    }

    public TestLayers symlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
        e.setLinkName(target);
        return put(e, null);
    }

    public TestLayers hardlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
        e.setLinkName(target);
        return put(e, null);
    }

    public TestLayers device(String name, byte type, int major, int minor) {
        TarArchiveEntry e = new TarArchiveEntry(name, type);
        e.setDevMajor(major);
        e.setDevMinor(minor);
        e.setMode(0666);
        return put(e, null);
    }

    /** A sparse-free big file written in chunks, without holding it in memory. */
    public TestLayers zeros(String name, long size) {
        try {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(size);
            tar.putArchiveEntry(e);
            byte[] chunk = new byte[1 << 16];
            for (long left = size; left > 0; left -= chunk.length) {
                tar.write(chunk, 0, (int) Math.min(left, chunk.length));
            }
            tar.closeArchiveEntry();
            return this;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private TestLayers put(TarArchiveEntry e, byte[] data) {
        try {
            tar.putArchiveEntry(e);
            if (data != null) {
                tar.write(data);
            }
            tar.closeArchiveEntry();
            return this;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> applets() {
        try {
            Process p = new ProcessBuilder(BUSYBOX.toString(), "--list").start();
            List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
