package dev.jcompose.build;

import dev.jcompose.rootfs.UnpackLimits;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * ADD's local archives: a tar, plain or compressed with gzip, bzip2, xz or zstd, recognised by its
 * content (not its name) as Docker does, is unpacked into the destination directory. Entries are
 * hostile input: a name or a relative link target that climbs out of the destination is refused,
 * parents are resolved as the image sees them (never leaving the root), an existing entry is replaced
 * rather than written through, device nodes and fifos are skipped, and the uncompressed size and entry
 * count are capped. Owners are the archive's unless {@code --chown}; modes and mtimes are the archive's.
 */
final class ArchiveExpander {
    private final UnpackLimits limits;

    ArchiveExpander(UnpackLimits limits) {
        this.limits = limits;
    }

    /** Whether {@code file} is a (possibly compressed) tar archive. */
    static boolean isArchive(Path file) {
        try (InputStream in = open(file)) {
            byte[] header = in.readNBytes(512);
            return header.length == 512
                    && (TarArchiveInputStream.matches(header, header.length) || TarUtils.verifyCheckSum(header));
        } catch (IOException | RuntimeException e) {
            return false; // not a readable archive: ADD copies it as it is
        }
    }

    /** Unpacks {@code archive} into the container directory {@code dest}, which exists. */
    void expand(Path archive, String dest, CopyWriter writer) throws IOException {
        long entries = 0;
        try (InputStream in = new Capped(open(archive), limits.maxBytes(), archive, writer);
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (++entries > limits.maxEntries()) {
                    throw writer.conflict(
                            "archive " + archive.getFileName() + " has more than " + limits.maxEntries() + " entries");
                }
                entry(e, tar, dest, writer, archive);
            }
        }
    }

    private void entry(TarArchiveEntry e, InputStream content, String dest, CopyWriter writer, Path archive)
            throws IOException {
        String name = inside(e.getName(), archive, writer);
        if (name.isEmpty() || e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            return; // the destination itself keeps its metadata; device nodes and fifos are not data
        }
        int slash = name.lastIndexOf('/');
        Path parent = writer.ensureDir(dest + "/" + (slash < 0 ? "" : name.substring(0, slash)));
        Path target = parent.resolve(name.substring(slash + 1));
        BasicFileAttributes a = BuildContext.attrs(target);
        if (a != null && !(a.isDirectory() && e.isDirectory())) {
            CopyWriter.removeAll(target); // as Docker's untar: the archive's entry replaces what was there
        }
        Ownership o = new Ownership((int) e.getLongUserId(), (int) e.getLongGroupId());
        FileTime mtime = FileTime.from(e.getLastModifiedDate().toInstant());
        int mode = e.getMode() & 07777;
        if (e.isDirectory()) {
            if (a == null || !a.isDirectory()) {
                Files.createDirectory(target);
            }
            writer.finish(target, SourceEntry.Type.DIRECTORY, o, mode, mtime, mtime);
        } else if (e.isSymbolicLink()) {
            inside((slash < 0 ? "" : name.substring(0, slash) + "/") + e.getLinkName(), archive, writer);
            Files.createSymbolicLink(target, Path.of(e.getLinkName()));
            writer.finish(target, SourceEntry.Type.SYMLINK, o, mode, mtime, mtime);
        } else if (e.isLink()) {
            Path source = writer.resolve(dest + "/" + inside(e.getLinkName(), archive, writer));
            BasicFileAttributes s = BuildContext.attrs(source);
            if (s == null || s.isDirectory()) {
                throw writer.conflict("archive " + archive.getFileName() + ": hard link " + e.getName() + " points to '"
                        + e.getLinkName() + "', which is not an earlier file of the archive");
            }
            Files.createLink(target, source);
        } else {
            writer.writeFile(target, content, o, mode, mtime); // the tar stream ends at the entry's end
        }
    }

    /**
     * {@code raw} joined to the destination and cleaned, as Docker's untar does ({@code /x} is {@code
     * x}), relative to it; refused when it leaves the destination.
     */
    private static String inside(String raw, Path archive, CopyWriter writer) {
        String joined = GoFilepath.clean("d/" + raw);
        if (joined.equals("d")) {
            return "";
        }
        if (!joined.startsWith("d/")) {
            throw writer.conflict("archive " + archive.getFileName() + " has the entry '" + raw
                    + "', which points outside the destination");
        }
        return joined.substring(2);
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(6);
        byte[] m = in.readNBytes(6);
        in.reset();
        if (m.length >= 2 && (m[0] & 0xff) == 0x1f && (m[1] & 0xff) == 0x8b) {
            return new GzipCompressorInputStream(in, true);
        }
        if (m.length >= 3 && m[0] == 'B' && m[1] == 'Z' && m[2] == 'h') {
            return new BZip2CompressorInputStream(in, true);
        }
        if (m.length >= 6
                && (m[0] & 0xff) == 0xfd
                && m[1] == '7'
                && m[2] == 'z'
                && m[3] == 'X'
                && m[4] == 'Z'
                && m[5] == 0) {
            return new XZCompressorInputStream(in, true);
        }
        if (m.length >= 4
                && (m[0] & 0xff) == 0x28
                && (m[1] & 0xff) == 0xb5
                && (m[2] & 0xff) == 0x2f
                && (m[3] & 0xff) == 0xfd) {
            return new ZstdCompressorInputStream(in);
        }
        return in;
    }

    /** Fails once more than {@code max} uncompressed bytes were read: headers cannot lie about it. */
    private static final class Capped extends FilterInputStream {
        private final long max;
        private final Path archive;
        private final CopyWriter writer;
        private long count;

        Capped(InputStream in, long max, Path archive, CopyWriter writer) {
            super(in);
            this.max = max;
            this.archive = archive;
            this.writer = writer;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            add(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            add(Math.max(n, 0));
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > max) {
                throw writer.conflict(
                        "archive " + archive.getFileName() + " unpacks to more than " + max + " bytes (the limit)");
            }
        }
    }
}
