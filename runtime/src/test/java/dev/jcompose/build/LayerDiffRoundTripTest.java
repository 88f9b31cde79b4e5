package dev.jcompose.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.content.ContentStore;
import dev.jcompose.host.Command;
import dev.jcompose.host.HostSnapshot;
import dev.jcompose.host.ProcessCommandRunner;
import dev.jcompose.rootfs.LayerUnpacker;
import dev.jcompose.rootfs.OverlayMount;
import dev.jcompose.rootfs.OverlayMounter;
import dev.jcompose.rootfs.UnpackLimits;
import dev.jcompose.rootfs.XattrReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layer of a real overlay's changes, unpacked by the runtime's own unpacker onto the same lower,
 * shows the same tree as the overlay did: deletions (whiteouts), a removed and recreated directory
 * (opaque), ownership, setuid and sticky modes, hardlinks, symlinks, fifos and user xattrs.
 */
@Tag("root")
class LayerDiffRoundTripTest {
    private final ProcessCommandRunner runner = new ProcessCommandRunner();
    private final OverlayMounter mounter = new OverlayMounter(runner);

    @TempDir
    Path tmp;

    HostSnapshot before;

    @BeforeEach
    void snapshot() {
        before = HostSnapshot.take().scopedTo(tmp.toString());
    }

    @AfterEach
    void nothingLeaks() {
        for (String m : List.of("merged", "view")) {
            mounter.unmount(tmp.resolve(m));
        }
        HostSnapshot.take().scopedTo(tmp.toString()).assertSameAs(before);
    }

    private OverlayMount overlay(String lower, String upper, String work, String target) {
        return new OverlayMount(tmp, List.of(lower), tmp.resolve(upper), tmp.resolve(work), tmp.resolve(target));
    }

    private void run(String... argv) {
        runner.run(Command.of(argv)).orThrow();
    }

    @Test
    void theUnpackedLayerOnTheLowerShowsWhatTheOverlayShowed() throws IOException {
        Path lower = Files.createDirectories(tmp.resolve("lower"));
        write(lower.resolve("etc/keep"), "keep");
        write(lower.resolve("etc/gone"), "bye");
        write(lower.resolve("var/cache/old"), "old");
        write(lower.resolve("var/cache/sub/older"), "older");
        write(lower.resolve("bin/tool"), "v1");
        write(lower.resolve("data/file"), "data");

        OverlayMount build = overlay("lower", "upper", "work", "merged");
        mounter.mount(build);
        Path m = build.target();
        Files.delete(m.resolve("etc/gone"));
        run("rm", "-rf", m.resolve("var/cache").toString());
        write(m.resolve("var/cache/new"), "new");
        write(m.resolve("bin/tool"), "v2");
        Files.setAttribute(m.resolve("bin/tool"), "unix:uid", 1000);
        Files.setAttribute(m.resolve("bin/tool"), "unix:gid", 1000);
        Files.setAttribute(m.resolve("bin/tool"), "unix:mode", 04755);
        write(m.resolve("app/a"), "shared");
        Files.createLink(m.resolve("app/b"), m.resolve("app/a"));
        Files.createSymbolicLink(m.resolve("app/link"), Path.of("a"));
        run("mkfifo", m.resolve("app/pipe").toString());
        Files.setAttribute(Files.createDirectory(m.resolve("app/tmp")), "unix:mode", 01777);
        Files.getFileAttributeView(m.resolve("app/a"), java.nio.file.attribute.UserDefinedFileAttributeView.class)
                .write("note", StandardCharsets.UTF_8.encode("hello"));
        run("setcap", "cap_net_raw+ep", m.resolve("app/a").toString());
        mounter.unmount(m);

        assertThat(new HostUpperInspector().stat(tmp.resolve("upper/etc/gone")).isWhiteout())
                .isTrue();
        ContentStore content = new ContentStore(tmp.resolve("content"));
        BuiltLayer layer = new LayerDiff(content, new HostUpperInspector())
                .diff(tmp.resolve("upper"))
                .orElseThrow();
        assertThat(names(content.blobPath(layer.digest())))
                .contains("etc/.wh.gone", "var/cache/", "var/cache/.wh..wh..opq", "var/cache/new")
                .doesNotContain("etc/keep", "data/");
        assertThat(capability(content.blobPath(layer.digest())))
                .isEqualTo(HexFormat.of()
                        .formatHex(new XattrReader()
                                .read(tmp.resolve("upper/app/a"))
                                .get("security.capability")));

        Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
        new LayerUnpacker(UnpackLimits.DEFAULT)
                .unpack(
                        content.blobPath(layer.digest()),
                        unpacked,
                        layer.digest().toString());

        mounter.mount(build);
        SortedMap<String, String> expected = tree(m);
        mounter.unmount(m);
        OverlayMount view = new OverlayMount(
                tmp, List.of("unpacked", "lower"), tmp.resolve("vupper"), tmp.resolve("vwork"), tmp.resolve("view"));
        mounter.mount(view);
        SortedMap<String, String> actual = tree(view.target());
        mounter.unmount(view.target());

        assertThat(actual).isEqualTo(expected);
        assertThat(expected).containsKeys("app/pipe", "var/cache/new").doesNotContainKeys("etc/gone", "var/cache/old");
        assertThat(expected.get("bin/tool")).startsWith("FILE 4755 1000:1000");
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static List<String> names(Path tar) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                out.add(e.getName());
            }
        }
        return out;
    }

    /** The capability as the layer holds it, in hex (commons-compress decodes PAX values as UTF-8). */
    private static String capability(Path tar) throws IOException {
        byte[] all = Files.readAllBytes(tar);
        byte[] key = "SCHILY.xattr.security.capability=".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + key.length < all.length; i++) {
            if (java.util.Arrays.equals(all, i, i + key.length, key, 0, key.length)) {
                int start = i + key.length;
                int lenStart = i - 1;
                while (all[lenStart - 1] != '\n' && all[lenStart - 1] != 0) {
                    lenStart--;
                }
                int recordLen =
                        Integer.parseInt(new String(all, lenStart, i - 1 - lenStart, StandardCharsets.US_ASCII));
                int end = lenStart + recordLen - 1;
                return HexFormat.of().formatHex(all, start, end);
            }
        }
        return "";
    }

    /** Every path below {@code root} with its type, mode, owner, links, whole-second mtime, content and user xattrs. */
    private static SortedMap<String, String> tree(Path root) throws IOException {
        HostUpperInspector inspector = new HostUpperInspector();
        SortedMap<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(p -> !p.equals(root)).toList()) {
                FileStat st = inspector.stat(p);
                StringBuilder sb = new StringBuilder(
                        st.type() + " " + Integer.toOctalString(st.mode()) + " " + st.uid() + ":" + st.gid() + " links="
                                + st.links() + " t=" + st.mtime().getEpochSecond());
                if (st.type() == FileStat.Type.FILE) {
                    sb.append(" '").append(Files.readString(p)).append("'");
                } else if (st.type() == FileStat.Type.SYMLINK) {
                    sb.append(" -> ").append(Files.readSymbolicLink(p));
                }
                new XattrReader().read(p).forEach((k, v) -> {
                    if (k.startsWith("user.")) { // the unpacker restores user.* only
                        sb.append(' ').append(k).append('=').append(new String(v, StandardCharsets.UTF_8));
                    }
                });
                out.put(root.relativize(p).toString(), sb.toString());
            }
        }
        return out;
    }

    static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }
}
