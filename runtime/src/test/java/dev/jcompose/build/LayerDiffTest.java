package dev.jcompose.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import dev.jcompose.content.ContentStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerDiffTest {
    private static final Instant T = Instant.parse("2024-05-01T10:00:00.75Z");

    @TempDir
    Path tmp;

    ContentStore content;
    FakeUpperInspector inspector;
    LayerDiff diff;
    Path upper;
    long uid;
    long gid;

    @BeforeEach
    void setUp() throws IOException {
        content = new ContentStore(tmp.resolve("content"));
        inspector = new FakeUpperInspector();
        diff = new LayerDiff(content, inspector);
        upper = Files.createDirectory(tmp.resolve("upper"));
        uid = (Integer) Files.getAttribute(upper, "unix:uid");
        gid = (Integer) Files.getAttribute(upper, "unix:gid");
    }

    private Path file(String name, String text, String mode) throws IOException {
        Path p = upper.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        return p;
    }

    private static void times(Path root) throws IOException {
        try (var s = Files.walk(root)) {
            for (Path p : s.toList()) {
                Files.getFileAttributeView(
                                p,
                                java.nio.file.attribute.BasicFileAttributeView.class,
                                java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        .setTimes(FileTime.from(T), FileTime.from(T), null);
            }
        }
    }

    private String me() {
        return uid + ":" + gid;
    }

    /** One line per entry: name, type, octal mode, owner, size, link target, and content or xattrs. */
    private List<String> entries(BuiltLayer layer) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(content.blobPath(layer.digest()));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                String owner = e.getLongUserId() + ":" + e.getLongGroupId();
                StringBuilder sb = new StringBuilder(e.getName() + " " + (char) e.getLinkFlag() + " "
                        + Integer.toOctalString(e.getMode()) + " " + owner + " " + e.getSize());
                if (!e.getLinkName().isEmpty()) {
                    sb.append(" -> ").append(e.getLinkName());
                }
                if (e.isFile() && e.getSize() > 0) {
                    sb.append(" '")
                            .append(new String(tar.readAllBytes(), StandardCharsets.UTF_8))
                            .append("'");
                }
                new java.util.TreeMap<>(e.getExtraPaxHeaders()).forEach((k, v) -> {
                    if (k.startsWith("SCHILY.xattr.")) {
                        sb.append(" ").append(k.substring(13)).append('=').append(v);
                    }
                });
                out.add(sb.toString());
            }
        }
        return out;
    }

    @Test
    void anUpperDirWithoutChangesMakesNoLayer() {
        assertThat(diff.diff(upper)).isEmpty();
        assertThat(content.list()).isEmpty();
    }

    @Test
    void filesDirectoriesLinksAndMarkersInNameOrder() throws IOException {
        file("etc/app.conf", "x=1\n", "rw-r-----");
        Path tool = file("usr/bin/tool", "#!/bin/sh\n", "rwxr-xr-x");
        Files.setAttribute(tool, "unix:mode", 04755);
        Files.createLink(upper.resolve("usr/bin/tool2"), tool);
        Files.createSymbolicLink(upper.resolve("usr/bin/t"), Path.of("tool"));
        Path tmpDir = Files.createDirectory(upper.resolve("tmp"));
        Files.setAttribute(tmpDir, "unix:mode", 01777);
        Path gone = file("etc/old.conf", "", "rw-r--r--");
        inspector.whiteout(gone);
        Path opaque = Files.createDirectories(upper.resolve("var/cache"));
        file("var/cache/fresh", "new", "rw-r--r--");
        inspector.xattr(opaque, "trusted.overlay.opaque", "y");
        inspector.xattr(opaque, "trusted.overlay.origin", "junk");
        inspector.xattr(tool, "security.capability", "cap");
        inspector.xattr(tool, "user.note", "hi");
        times(upper);

        BuiltLayer layer = diff.diff(upper).orElseThrow();

        assertThat(entries(layer))
                .containsExactly(
                        "etc/ 5 755 " + me() + " 0",
                        "etc/app.conf 0 640 " + me() + " 4 'x=1\n'",
                        "etc/.wh.old.conf 0 0 0:0 0",
                        "tmp/ 5 1777 " + me() + " 0",
                        "usr/ 5 755 " + me() + " 0",
                        "usr/bin/ 5 755 " + me() + " 0",
                        "usr/bin/t 2 777 " + me() + " 0 -> tool",
                        "usr/bin/tool 0 4755 " + me() + " 10 '#!/bin/sh\n' security.capability=cap user.note=hi",
                        "usr/bin/tool2 1 4755 " + me() + " 0 -> usr/bin/tool",
                        "var/ 5 755 " + me() + " 0",
                        "var/cache/ 5 755 " + me() + " 0",
                        "var/cache/.wh..wh..opq 0 0 0:0 0",
                        "var/cache/fresh 0 644 " + me() + " 3 'new'");
        assertThat(layer.size()).isEqualTo(Files.size(content.blobPath(layer.digest())));
        assertThat(layer.descriptor().mediaType()).isEqualTo("application/vnd.oci.image.layer.v1.tar");
    }

    @Test
    void theSameUpperDirGivesTheSameDigestAndTimesAreWholeSeconds() throws IOException {
        file("a/b", "b", "rw-r--r--");
        file("a/" + "long-name-".repeat(15), "long", "rw-r--r--");
        times(upper);
        BuiltLayer first = diff.diff(upper).orElseThrow();
        BuiltLayer second = diff.diff(upper).orElseThrow();
        assertThat(second).isEqualTo(first);
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(Files.newInputStream(content.blobPath(first.digest())))) {
            TarArchiveEntry e = tar.getNextEntry();
            assertThat(e.getLastModifiedDate().toInstant()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
            assertThat(tar.getNextEntry().getName()).isEqualTo("a/b");
            assertThat(tar.getNextEntry().getName()).isEqualTo("a/" + "long-name-".repeat(15));
        }
    }

    @Test
    void aClampWritesLaterTimesAsTheClamp() throws IOException {
        file("f", "f", "rw-r--r--");
        times(upper);
        Instant epoch = Instant.parse("2020-01-01T00:00:00Z");
        BuiltLayer layer = diff.diff(upper, epoch).orElseThrow();
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(Files.newInputStream(content.blobPath(layer.digest())))) {
            assertThat(tar.getNextEntry().getLastModifiedDate().toInstant()).isEqualTo(epoch);
        }
        assertThat(diff.diff(upper, Instant.parse("2030-01-01T00:00:00Z"))).isNotEqualTo(Optional.of(layer));
    }

    @Test
    void aRedirectedDirectoryIsRefusedNotWrittenWrong() throws IOException {
        Path moved = Files.createDirectory(upper.resolve("moved"));
        inspector.xattr(moved, "trusted.overlay.redirect", "/orig");
        assertThatThrownBy(() -> diff.diff(upper))
                .isInstanceOf(JcomposeException.class)
                .hasMessageContaining("is an overlayfs redirect");
        assertThat(content.list()).isEmpty();
    }

    @Test
    void binaryAttributeValuesAreWrittenAsRawBytes() throws IOException {
        Path f = file("bin/ping", "", "rwxr-xr-x");
        byte[] cap = {1, 0, 0, 2, (byte) 0xff, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        inspector.xattrs.put(f, new java.util.TreeMap<>(Map.of("security.capability", cap)));
        BuiltLayer layer = diff.diff(upper).orElseThrow();
        byte[] tar = Files.readAllBytes(content.blobPath(layer.digest()));
        byte[] record = new byte["security.capability=".length() + cap.length];
        System.arraycopy("SCHILY.xattr.security.capability=".getBytes(StandardCharsets.US_ASCII), 13, record, 0, 20);
        System.arraycopy(cap, 0, record, 20, cap.length);
        assertThat(indexOf(tar, record)).isPositive();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
