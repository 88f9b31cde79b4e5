package dev.jcompose.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jcompose.host.HostPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layers as other tools write them unpack to the same tree: umoci's (a first entry naming the root, "/" or
 * "."), {@code tar -C dir .}'s and skopeo-copied ones ("./"-prefixed names), absolute names, and docker
 * save's plain relative names. Each is the busybox test layer with its names (and hardlink targets) restyled.
 */
@Tag("root")
class ForeignLayerTest {
    @TempDir
    Path tmp;

    SnapshotStore store;
    Path plain;

    @BeforeEach
    void setUp() {
        assumeThat(Files.isExecutable(TestLayers.BUSYBOX))
                .as("busybox-static is installed")
                .isTrue();
        store = new SnapshotStore(new HostPaths(tmp.resolve("data"), tmp.resolve("run")), UnpackLimits.DEFAULT);
        plain = TestLayers.busybox(tmp.resolve("plain.tar"));
    }

    @Test
    void umociStyleLayerWithASlashRootEntryAndAbsoluteNames() throws IOException {
        Path layer = restyle("slash.tar", "/", n -> "/" + n);
        assertThat(tree(unpack("aa", layer))).isEqualTo(tree(unpack("bb", plain)));
    }

    @Test
    void umociDotRootEntry() throws IOException {
        Path layer = restyle("dot.tar", ".", n -> n);
        assertThat(tree(unpack("aa", layer))).isEqualTo(tree(unpack("bb", plain)));
    }

    @Test
    void dotSlashPrefixedNamesAsTarOfADirectoryWritesThem() throws IOException {
        Path layer = restyle("dotslash.tar", "./", n -> "./" + n);
        assertThat(tree(unpack("aa", layer))).isEqualTo(tree(unpack("bb", plain)));
    }

    @Test
    void hardlinksBetweenAbsoluteAndDotSlashNames() throws IOException {
        Path layer = TestLayers.write(
                tmp.resolve("links.tar"),
                l -> l.dir("/", 0755)
                        .dir("/bin", 0755)
                        .file("/bin/busybox", "bb")
                        .hardlink("./bin/sh", "/bin/busybox")
                        .hardlink("/bin/ash", "./bin/busybox")
                        .symlink("./bin/ls", "/bin/busybox"));
        Path fs = unpack("aa", layer);
        assertThat(Files.getAttribute(fs.resolve("bin/busybox"), "unix:nlink")).isEqualTo(3);
        assertThat(Files.readString(fs.resolve("bin/ash"))).isEqualTo("bb");
        // A symlink is stored as written; RootfsPath resolves its absolute target inside the root.
        assertThat(Files.readSymbolicLink(fs.resolve("bin/ls"))).hasToString("/bin/busybox");
        assertThat(RootfsPath.resolve(fs, "/bin/ls")).isEqualTo(fs.resolve("bin/busybox"));
    }

    private Path unpack(String hexByte, Path layer) {
        return store.ensure("sha256:" + hexByte.repeat(32), layer).dir();
    }

    /** Copies the plain layer with {@code root} as a first directory entry and each name mapped by {@code name}. */
    private Path restyle(String file, String root, UnaryOperator<String> name) throws IOException {
        Path out = tmp.resolve(file);
        try (InputStream in = Files.newInputStream(plain);
                TarArchiveInputStream src = new TarArchiveInputStream(in);
                OutputStream o = Files.newOutputStream(out);
                TarArchiveOutputStream dst = new TarArchiveOutputStream(o)) {
            dst.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry top = new TarArchiveEntry(root, TarConstants.LF_DIR, true);
            top.setMode(0700); // ignored: the snapshot root keeps its own mode
            dst.putArchiveEntry(top);
            dst.closeArchiveEntry();
            for (TarArchiveEntry e; (e = src.getNextEntry()) != null; ) {
                TarArchiveEntry c = new TarArchiveEntry(name.apply(e.getName()), e.getLinkFlag(), true);
                c.setMode(e.getMode());
                c.setSize(e.getSize());
                c.setUserId(e.getLongUserId());
                c.setGroupId(e.getLongGroupId());
                c.setModTime(e.getLastModifiedDate());
                if (e.isLink()) {
                    c.setLinkName(name.apply(e.getLinkName()));
                } else if (e.isSymbolicLink()) {
                    c.setLinkName(e.getLinkName());
                }
                dst.putArchiveEntry(c);
                src.transferTo(dst);
                dst.closeArchiveEntry();
            }
        }
        return out;
    }

    /** Every path under {@code fs} with its type, mode, owner and link target: what a container sees. */
    private static List<String> tree(Path fs) throws IOException {
        try (Stream<Path> s = Files.walk(fs)) {
            return s.map(p -> describe(fs, p)).sorted().toList();
        }
    }

    private static String describe(Path fs, Path p) {
        try {
            var a = Files.readAttributes(p, "unix:mode,uid,gid,size", LinkOption.NOFOLLOW_LINKS);
            String link = Files.isSymbolicLink(p) ? " -> " + Files.readSymbolicLink(p) : "";
            long size = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? 0 : (long) a.get("size");
            return "/" + fs.relativize(p) + " " + Integer.toOctalString((int) a.get("mode")) + " " + a.get("uid") + ":"
                    + a.get("gid") + " " + size + link;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
