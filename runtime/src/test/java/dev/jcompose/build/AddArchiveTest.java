package dev.jcompose.build;

import static dev.jcompose.build.Copies.add;
import static dev.jcompose.build.Copies.apply;
import static dev.jcompose.build.Copies.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.dockerfile.DockerfileException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADD unpacks local tar archives, recognised by content, and refuses entries that would leave the destination. */
class AddArchiveTest {
    @TempDir
    Path tmp;

    Path ctx;
    Path root;

    @BeforeEach
    void dirs() throws IOException {
        ctx = Files.createDirectories(tmp.resolve("ctx"));
        root = Files.createDirectories(tmp.resolve("root"));
    }

    /** Writes a tar, compressed by {@code kind} ("", "gz", "bz2", "xz"), with the entries {@code body} adds. */
    private Path archive(String name, String kind, Consumer<Tar> body) throws IOException {
        Path p = ctx.resolve(name);
        try (OutputStream raw = Files.newOutputStream(p);
                OutputStream packed = switch (kind) {
                    case "gz" -> new GzipCompressorOutputStream(raw);
                    case "bz2" -> new BZip2CompressorOutputStream(raw);
                    case "xz" -> new XZCompressorOutputStream(raw);
                    default -> raw;
                };
                TarArchiveOutputStream tar = new TarArchiveOutputStream(packed)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            body.accept(new Tar(tar));
        }
        return p;
    }

    record Tar(TarArchiveOutputStream out) {
        void dir(String name) {
            put(new TarArchiveEntry(name + "/"), null);
        }

        void file(String name, String content, int mode) {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setMode(mode);
            e.setUserId(33);
            e.setGroupId(44);
            e.setModTime(FileTime.fromMillis(1_500_000_000_000L));
            put(e, content.getBytes(StandardCharsets.UTF_8));
        }

        void link(String name, String target, byte type) {
            TarArchiveEntry e = new TarArchiveEntry(name, type);
            e.setLinkName(target);
            put(e, null);
        }

        private void put(TarArchiveEntry e, byte[] data) {
            try {
                if (data != null) {
                    e.setSize(data.length);
                }
                out.putArchiveEntry(e);
                if (data != null) {
                    out.write(data);
                }
                out.closeArchiveEntry();
            } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        }
    }

    private static void app(Tar t) {
        t.dir("app");
        t.file("app/run", "#!/bin/sh\n", 0755);
        t.link("app/latest", "run", TarConstants.LF_SYMLINK);
        t.link("app/hard", "app/run", TarConstants.LF_LINK);
    }

    private BuildContext context() {
        return BuildContext.directory(ctx, IgnoreRules.none());
    }

    @Test
    void everyCompressionIsRecognisedByContent() throws IOException {
        for (String kind : new String[] {"", "gz", "bz2", "xz"}) {
            archive("release.bin", kind, AddArchiveTest::app); // the name says nothing
            Path into = Files.createDirectories(root.resolve("k" + kind));
            Copies.Owners owners =
                    apply(CopyPlan.of(context(), add("/k" + kind + "/", "release.bin"), "/"), root, null, null);
            assertThat(tree(into)).as(kind).containsExactly("app", "app/hard", "app/latest -> run", "app/run");
            assertThat(Files.readString(into.resolve("app/hard"))).isEqualTo("#!/bin/sh\n");
            assertThat(Copies.mode(into.resolve("app/run"))).isEqualTo(0755);
            assertThat(Files.getLastModifiedTime(into.resolve("app/run")))
                    .isEqualTo(FileTime.fromMillis(1_500_000_000_000L));
            assertThat(owners.set).containsEntry("k" + kind + "/app/run", "33:44");
        }
    }

    @Test
    void chownWinsOverTheArchiveOwners() throws IOException {
        archive("a.tgz", "gz", AddArchiveTest::app);
        Copies.Owners owners =
                apply(CopyPlan.of(context(), add("/opt", "a.tgz"), "/"), root, new Ownership(7, 8), null);
        assertThat(owners.set).containsEntry("opt/app/run", "7:8").containsEntry("opt", "7:8");
    }

    @Test
    void copyDoesNotUnpackAndNeitherDoesAddForOtherFiles() throws IOException {
        archive("a.tar", "", AddArchiveTest::app);
        Files.write(ctx.resolve("plain.gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        Files.writeString(ctx.resolve("notes.txt"), "hello");
        apply(CopyPlan.of(context(), Copies.copy("/c/", "a.tar"), "/"), root, null, null);
        apply(CopyPlan.of(context(), add("/d/", "plain.gz", "notes.txt"), "/"), root, null, null);
        assertThat(tree(root)).containsExactly("c", "c/a.tar", "d", "d/notes.txt", "d/plain.gz");
    }

    @Test
    void anArchiveReplacesWhatIsInTheWay() throws IOException {
        Files.createDirectories(root.resolve("opt/app/run/was-a-dir"));
        archive("a.tar", "", AddArchiveTest::app);
        apply(CopyPlan.of(context(), add("/opt/", "a.tar"), "/"), root, null, null);
        assertThat(Files.isRegularFile(root.resolve("opt/app/run"))).isTrue();
    }

    @Test
    void absoluteNamesStayUnderTheDestination() throws IOException {
        archive("abs.tar", "", t -> t.file("/etc/passwd", "mine\n", 0644));
        apply(CopyPlan.of(context(), add("/opt/", "abs.tar"), "/"), root, null, null);
        assertThat(tree(root)).containsExactly("opt", "opt/etc", "opt/etc/passwd");
    }

    @Test
    void entriesClimbingOutAreRefused() throws IOException {
        archive("up.tar", "", t -> t.file("a/../../escape", "x", 0644));
        assertThatThrownBy(() -> apply(CopyPlan.of(context(), add("/opt/", "up.tar"), "/"), root, null, null))
                .isInstanceOf(DockerfileException.class)
                .hasMessageContaining("Dockerfile:7: ADD")
                .hasMessageContaining("points outside the destination");
        archive("link.tar", "", t -> t.link("l", "../../../etc", TarConstants.LF_SYMLINK));
        assertThatThrownBy(() -> apply(CopyPlan.of(context(), add("/opt/", "link.tar"), "/"), root, null, null))
                .hasMessageContaining("points outside the destination");
        archive("hard.tar", "", t -> t.link("h", "../etc/shadow", TarConstants.LF_LINK));
        assertThatThrownBy(() -> apply(CopyPlan.of(context(), add("/opt/", "hard.tar"), "/"), root, null, null))
                .hasMessageContaining("points outside the destination");
        assertThat(tmp.resolve("escape")).doesNotExist();
    }

    @Test
    void aSymlinkFromTheArchiveCannotLeadOutOfTheRoot() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        archive("trick.tar", "", t -> {
            t.link("etc", outside.toString(), TarConstants.LF_SYMLINK); // absolute: re-rooted
            t.file("etc/owned", "x", 0644);
        });
        apply(CopyPlan.of(context(), add("/", "trick.tar"), "/"), root, null, null);
        assertThat(tree(outside)).isEmpty();
        assertThat(root.resolve(root.getRoot().relativize(outside).toString()).resolve("owned"))
                .exists();
    }
}
