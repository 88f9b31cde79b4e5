package dev.jcompose.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volumes filled from an image's directory: what is copied, what is kept, and that links never lead out. */
@Tag("root")
class RootfsCopierTest {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    @TempDir
    Path tmp;

    private Path root() throws IOException {
        return Files.createDirectories(tmp.resolve("rootfs"));
    }

    private Path volume() throws IOException {
        return Files.createDirectories(tmp.resolve("volume/_data"));
    }

    private static Object attr(Path p, String name) throws IOException {
        return Files.getAttribute(p, "unix:" + name, NOFOLLOW);
    }

    private static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void copiesFilesDirectoriesLinksOwnersModesAndTimes() throws IOException {
        Path root = root();
        Path data = Files.createDirectories(root.resolve("var/lib/db"));
        Files.writeString(data.resolve("seed.txt"), "seeded\n");
        Files.createDirectories(data.resolve("sub"));
        Files.writeString(data.resolve("sub/setuid"), "x");
        Files.createSymbolicLink(data.resolve("passwd"), Path.of("/etc/passwd"));
        Files.createLink(data.resolve("sub/hard"), data.resolve("seed.txt"));
        Files.setAttribute(data.resolve("sub/setuid"), "unix:mode", 04750);
        Files.setAttribute(data, "unix:uid", 999);
        Files.setAttribute(data, "unix:gid", 998);
        Files.setAttribute(data, "unix:mode", 0700);
        Files.setAttribute(data.resolve("seed.txt"), "unix:uid", 1000);
        Files.setLastModifiedTime(data.resolve("seed.txt"), FileTime.fromMillis(946684800000L));
        new NativeFs().mknod(data.resolve("fifo"), NativeFs.S_IFIFO | 0600, 0, 0);
        Path vol = volume();

        assertThat(new RootfsCopier().copy(root, "/var/lib/db", vol)).isTrue();

        assertThat(tree(vol)).containsExactly("", "fifo", "passwd", "seed.txt", "sub", "sub/hard", "sub/setuid");
        assertThat(Files.readString(vol.resolve("seed.txt"))).isEqualTo("seeded\n");
        assertThat(Files.readSymbolicLink(vol.resolve("passwd"))).isEqualTo(Path.of("/etc/passwd"));
        assertThat(attr(vol.resolve("sub/hard"), "ino")).isEqualTo(attr(vol.resolve("seed.txt"), "ino"));
        assertThat((Integer) attr(vol.resolve("sub/setuid"), "mode") & 07777).isEqualTo(04750);
        assertThat((Integer) attr(vol.resolve("fifo"), "mode") & 0170000).isEqualTo(NativeFs.S_IFIFO);
        assertThat(List.of(attr(vol, "uid"), attr(vol, "gid"), (Integer) attr(vol, "mode") & 07777))
                .containsExactly(999, 998, 0700);
        assertThat(attr(vol.resolve("seed.txt"), "uid")).isEqualTo(1000);
        assertThat(Files.getLastModifiedTime(vol.resolve("seed.txt")).toMillis())
                .isEqualTo(946684800000L);
    }

    @Test
    void aVolumeWithDataOrAPathWithoutContentIsLeftAlone() throws IOException {
        Path root = root();
        Files.createDirectories(root.resolve("empty"));
        Files.createDirectories(root.resolve("full"));
        Files.writeString(root.resolve("full/a"), "image");
        Files.writeString(root.resolve("file"), "not a directory");
        Path vol = volume();
        RootfsCopier copier = new RootfsCopier();

        assertThat(copier.copy(root, "/missing", vol)).isFalse();
        assertThat(copier.copy(root, "/empty", vol)).isFalse();
        assertThat(copier.copy(root, "/file", vol)).isFalse();
        Files.writeString(vol.resolve("mine"), "volume");
        assertThat(copier.copy(root, "/full", vol)).isFalse();
        assertThat(tree(vol)).containsExactly("", "mine");
    }

    @Test
    void symlinksNeverLeadOutOfTheRootFileSystem() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("host-secrets"));
        Files.writeString(outside.resolve("key"), "secret");
        Path root = root();
        // the mount path itself is a link out of the root: resolved inside the root, where nothing is
        Files.createSymbolicLink(root.resolve("data"), Path.of("../../../../.." + outside));
        Path vol = volume();
        assertThat(new RootfsCopier().copy(root, "/data", vol)).isFalse();
        assertThat(tree(vol)).containsExactly("");

        // a link inside the tree is copied as the link it is, never as what it points at
        Files.createDirectories(root.resolve("srv"));
        Files.createSymbolicLink(root.resolve("srv/escape"), outside);
        assertThat(new RootfsCopier().copy(root, "/srv", vol)).isTrue();
        assertThat(tree(vol)).containsExactly("", "escape");
        assertThat(Files.isSymbolicLink(vol.resolve("escape"))).isTrue();
        assertThat(Files.readString(outside.resolve("key"))).isEqualTo("secret");
    }

    @Test
    void aFailedCopySaysWhatAndWhere() throws IOException {
        Path root = root();
        Files.createDirectories(root.resolve("srv"));
        Files.writeString(root.resolve("srv/a"), "x");
        Path notADir = Files.writeString(tmp.resolve("plain"), "");
        assertThatThrownBy(() -> new RootfsCopier().copy(root, "/srv", notADir))
                .isInstanceOf(RootfsException.class)
                .hasMessageStartingWith("cannot copy /srv of the image into the volume " + notADir + ": ");
    }
}
