package dev.jcompose.build;

import dev.jcompose.JcomposeException;
import dev.jcompose.content.ContentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns an overlay upper directory (a build step's changes) into an OCI layer: an uncompressed tar
 * streamed into the {@link ContentStore}. overlayfs whiteouts (character devices 0/0) become
 * {@code .wh.<name>} entries and opaque directories ({@code trusted.overlay.opaque=y}, or
 * {@code user.overlay.opaque} on a userxattr mount) a directory entry followed by {@code .wh..wh..opq},
 * which is how {@link dev.jcompose.rootfs.LayerUnpacker} reads them back. Files sharing an inode become
 * tar hardlinks to the first of their names; overlayfs' own attributes never enter the layer.
 *
 * <p>Deterministic: entries in name order (parents first), times in whole seconds, no user names,
 * PAX headers only when needed; the same upper directory always gives the same digest. With a clamp
 * (SOURCE_DATE_EPOCH), later times are written as the clamp, so a rebuild can give the same layer.
 *
 * <p>overlayfs must run with {@code redirect_dir=off} and {@code metacopy=off} (the kernel defaults
 * here): a renamed lower directory or a metadata-only copy-up would need the lower layers to describe,
 * so a diff that meets one fails with a clear error rather than writing a wrong layer.
 */
public final class LayerDiff {
    static final String WHITEOUT = ".wh.";
    static final String OPAQUE = ".wh..wh..opq";

    private final ContentStore content;
    private final UpperInspector inspector;

    public LayerDiff(ContentStore content, UpperInspector inspector) {
        this.content = content;
        this.inspector = inspector;
    }

    /** The layer of {@code upper}'s changes, or empty when it holds none (nothing is written then). */
    public Optional<BuiltLayer> diff(Path upper) {
        return diff(upper, null);
    }

    /** As {@link #diff(Path)}, writing times after {@code clamp} (when not null) as {@code clamp}. */
    public Optional<BuiltLayer> diff(Path upper, Instant clamp) {
        try (Stream<Path> s = Files.list(upper)) {
            if (s.findAny().isEmpty()) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw failure(upper, e);
        }
        ContentStore.Written w = content.write(out -> new Walk(upper, out, clamp).run());
        return Optional.of(new BuiltLayer(w.digest(), w.size()));
    }

    private static JcomposeException failure(Path upper, IOException e) {
        return new JcomposeException(
                "cannot read the changes of a build step in " + upper + ": " + e.getMessage(),
                "check the free space and permissions of the data root",
                dev.jcompose.ExitCode.FAILURE,
                e);
    }

    /** One pass over an upper directory, writing entries as it goes. */
    private final class Walk {
        private final Path upper;
        private final TarWriter tar;
        private final Instant clamp;
        /** dev:inode of files with several links, to the name they were first written under. */
        private final Map<String, String> firstNames = new HashMap<>();

        Walk(Path upper, OutputStream out, Instant clamp) {
            this.upper = upper;
            this.tar = new TarWriter(out);
            this.clamp = clamp;
        }

        void run() throws IOException {
            children(upper, "");
            tar.finish();
        }

        private void children(Path dir, String prefix) throws IOException {
            List<Path> sorted;
            try (Stream<Path> s = Files.list(dir)) {
                sorted = s.sorted((a, b) -> Arrays.compare(nameBytes(a), nameBytes(b)))
                        .toList();
            }
            for (Path p : sorted) {
                entry(p, prefix + p.getFileName());
            }
        }

        private void entry(Path p, String name) throws IOException {
            FileStat st = inspector.stat(p);
            if (st.isWhiteout()) {
                int slash = name.lastIndexOf('/') + 1;
                tar.add(TarEntry.marker(name.substring(0, slash) + WHITEOUT + name.substring(slash), time(st)), null);
                return;
            }
            SortedMap<String, byte[]> xattrs = inspector.xattrs(p);
            refuseUnsupported(p, xattrs);
            switch (st.type()) {
                case DIRECTORY -> directory(p, name, st, xattrs);
                case FILE -> file(p, name, st, xattrs);
                case SYMLINK ->
                    plain(name, st, TarEntry.SYMLINK, Files.readSymbolicLink(p).toString(), xattrs);
                case FIFO -> plain(name, st, TarEntry.FIFO, "", xattrs);
                case CHAR_DEVICE -> plain(name, st, TarEntry.CHAR_DEVICE, "", xattrs);
                case BLOCK_DEVICE -> plain(name, st, TarEntry.BLOCK_DEVICE, "", xattrs);
                case SOCKET -> {
                    // tar cannot hold a socket; it means nothing without its process anyway
                }
            }
        }

        private void directory(Path p, String name, FileStat st, SortedMap<String, byte[]> xattrs) throws IOException {
            tar.add(entry(name + "/", TarEntry.DIRECTORY, st, 0, "", xattrs), null);
            if (isOpaque(xattrs)) {
                tar.add(TarEntry.marker(name + "/" + OPAQUE, time(st)), null);
            }
            children(p, name + "/");
        }

        private void file(Path p, String name, FileStat st, SortedMap<String, byte[]> xattrs) throws IOException {
            if (!hardlinked(name, st)) {
                try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                    tar.add(entry(name, TarEntry.FILE, st, st.size(), "", xattrs), in);
                }
            }
        }

        private void plain(String name, FileStat st, char type, String link, SortedMap<String, byte[]> xattrs)
                throws IOException {
            if (!hardlinked(name, st)) {
                tar.add(entry(name, type, st, 0, link, xattrs), null);
            }
        }

        /** Writes a hardlink entry and returns true when {@code name} is a later name of an inode. */
        private boolean hardlinked(String name, FileStat st) throws IOException {
            if (st.links() < 2) {
                return false;
            }
            String first = firstNames.putIfAbsent(st.dev() + ":" + st.inode(), name);
            if (first == null) {
                return false;
            }
            // a hardlink shares its target's inode: its attributes come with the target's entry
            tar.add(entry(name, TarEntry.HARDLINK, st, 0, first, new TreeMap<>()), null);
            return true;
        }

        private TarEntry entry(
                String name, char type, FileStat st, long size, String link, SortedMap<String, byte[]> xattrs) {
            return new TarEntry(
                    name,
                    type,
                    st.mode(),
                    st.uid(),
                    st.gid(),
                    size,
                    time(st),
                    link,
                    st.rdevMajor(),
                    st.rdevMinor(),
                    layerXattrs(xattrs));
        }

        private long time(FileStat st) {
            Instant t = clamp != null && st.mtime().isAfter(clamp) ? clamp : st.mtime();
            return t.getEpochSecond();
        }
    }

    private static byte[] nameBytes(Path p) {
        return p.getFileName().toString().getBytes(StandardCharsets.UTF_8);
    }

    static boolean isOpaque(SortedMap<String, byte[]> xattrs) {
        return isY(xattrs.get("trusted.overlay.opaque")) || isY(xattrs.get("user.overlay.opaque"));
    }

    private static boolean isY(byte[] v) {
        return v != null && v.length >= 1 && v[0] == 'y';
    }

    /** The attributes that belong in a layer: all but overlayfs' bookkeeping. */
    static SortedMap<String, byte[]> layerXattrs(SortedMap<String, byte[]> xattrs) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        xattrs.forEach((k, v) -> {
            if (!k.startsWith("trusted.overlay.") && !k.startsWith("user.overlay.")) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static void refuseUnsupported(Path p, SortedMap<String, byte[]> xattrs) {
        for (String kind : List.of("redirect", "metacopy")) {
            if (xattrs.containsKey("trusted.overlay." + kind) || xattrs.containsKey("user.overlay." + kind)) {
                throw new JcomposeException(
                        "the build step's change " + p + " is an overlayfs " + kind
                                + ", which a layer cannot describe without the lower layers",
                        "mount the build's overlays with redirect_dir=off,metacopy=off");
            }
        }
    }
}
