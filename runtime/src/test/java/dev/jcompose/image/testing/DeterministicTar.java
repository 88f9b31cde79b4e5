package dev.jcompose.image.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Builds a tar whose bytes depend only on its entries: sorted names, a fixed mtime, uid/gid 0 and
 * no user names, so images made from it have stable digests.
 */
public final class DeterministicTar {
    /** 2000-01-01T00:00:00Z. */
    public static final long MTIME_MILLIS = 946_684_800_000L;

    private sealed interface Item permits Dir, File, Symlink, HardLink {}

    private record Dir(int mode) implements Item {}

    private record File(byte[] data, int mode, int uid, int gid) implements Item {}

    private record Symlink(String target) implements Item {}

    private record HardLink(String target) implements Item {}

    private final Map<String, Item> entries = new TreeMap<>();

    public DeterministicTar dir(String name, int mode) {
        entries.put(strip(name) + "/", new Dir(mode));
        return this;
    }

    public DeterministicTar file(String name, byte[] data, int mode) {
        return file(name, data, mode, 0, 0);
    }

    public DeterministicTar file(String name, byte[] data, int mode, int uid, int gid) {
        entries.put(strip(name), new File(data.clone(), mode, uid, gid));
        return this;
    }

    public DeterministicTar file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8), 0644);
    }

    public DeterministicTar symlink(String name, String target) {
        entries.put(strip(name), new Symlink(target));
        return this;
    }

    /** A hard link to an earlier member (docker save writes these; tests of hostile input use them). */
    public DeterministicTar hardLink(String name, String target) {
        entries.put(strip(name), new HardLink(target));
        return this;
    }

    /** An entry written verbatim, name unchecked: for tests feeding hostile archives. */
    public DeterministicTar rawFile(String name, byte[] data) {
        entries.put(name, new File(data.clone(), 0644, 0, 0));
        return this;
    }

    private static String strip(String name) {
        String n = name;
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (var e : entries.entrySet()) {
                write(tar, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(TarArchiveOutputStream tar, String name, Item item) throws IOException {
        TarArchiveEntry e = switch (item) {
            case Dir d -> {
                TarArchiveEntry t = new TarArchiveEntry(name);
                t.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~07777 | d.mode());
                yield t;
            }
            case File f -> {
                TarArchiveEntry t = new TarArchiveEntry(name, true);
                t.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | f.mode());
                t.setSize(f.data().length);
                t.setIds(f.uid(), f.gid());
                yield t;
            }
            case Symlink s -> {
                TarArchiveEntry t = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                t.setLinkName(s.target());
                t.setMode(0120777);
                yield t;
            }
            case HardLink h -> {
                TarArchiveEntry t = new TarArchiveEntry(name, TarConstants.LF_LINK);
                t.setLinkName(h.target());
                t.setMode(0100644);
                yield t;
            }
        };
        e.setModTime(new Date(MTIME_MILLIS));
        e.setUserName("");
        e.setGroupName("");
        tar.putArchiveEntry(e);
        if (item instanceof File f) {
            tar.write(f.data());
        }
        tar.closeArchiveEntry();
    }

    /** gzip with a fixed header (the JDK writes mtime 0), so the compressed digest is stable too. */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
